package com.fmugateway.adapter.out.persistence.database;

import com.fmugateway.domain.shared.port.out.Transactions;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One database transaction around the work: every adapter's {@code DatabaseClient} call inside it
 * joins it through the Reactor context, and an error rolls all of them back.
 */
public final class R2dbcTransactions implements Transactions {

  private final TransactionalOperator tx;

  public R2dbcTransactions(TransactionalOperator tx) {
    this.tx = tx;
  }

  @Override
  public <T> Mono<T> atomically(Mono<T> work) {
    return tx.transactional(work);
  }
}
