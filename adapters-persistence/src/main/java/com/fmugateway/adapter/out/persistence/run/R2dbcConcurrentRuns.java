package com.fmugateway.adapter.out.persistence.run;

import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs in progress in PostgreSQL, one row each. Taking a slot is one transaction under a lock on
 * the account (an advisory lock, so no row of {@code accounts} is held): lapsed slots are dropped,
 * the rest counted, and the new one inserted only below the limit; concurrent starts for one
 * account on any gateway wait their turn.
 */
public final class R2dbcConcurrentRuns implements ConcurrentRuns {

  private final DatabaseClient db;
  private final TransactionalOperator tx;

  public R2dbcConcurrentRuns(DatabaseClient db, TransactionalOperator tx) {
    this.db = db;
    this.tx = tx;
  }

  @Override
  public Mono<Boolean> tryStart(
      AccountId account, UUID run, int max, Instant now, Instant leaseUntil) {
    Mono<Void> lock =
        db.sql("SELECT pg_advisory_xact_lock(hashtextextended('run_slots:' || :a, 0))")
            .bind("a", account.toString())
            .then();
    Mono<Void> dropLapsed =
        db.sql("DELETE FROM run_slots WHERE account_id = :a AND lease_until <= :now")
            .bind("a", account.value())
            .bind("now", utc(now))
            .then();
    Mono<Long> insert =
        db.sql(
                "INSERT INTO run_slots (run_id, account_id, started_at, lease_until)"
                    + " SELECT :run, :a, :now, :until"
                    + " WHERE (SELECT count(*) FROM run_slots WHERE account_id = :a) < :max")
            .bind("run", run)
            .bind("a", account.value())
            .bind("now", utc(now))
            .bind("until", utc(leaseUntil))
            .bind("max", max)
            .fetch()
            .rowsUpdated();
    return lock.then(dropLapsed).then(insert).map(rows -> rows > 0).as(tx::transactional);
  }

  @Override
  public Mono<Void> finish(UUID run) {
    return db.sql("DELETE FROM run_slots WHERE run_id = :run").bind("run", run).then();
  }
}
