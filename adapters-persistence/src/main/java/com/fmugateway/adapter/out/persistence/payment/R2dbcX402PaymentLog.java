package com.fmugateway.adapter.out.persistence.payment;

import static com.fmugateway.adapter.out.persistence.support.Sql.bindOptional;
import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.domain.billing.model.X402Claim;
import com.fmugateway.domain.billing.model.X402PaymentState;
import com.fmugateway.domain.billing.port.out.X402PaymentLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * x402 payments in PostgreSQL. The payment key is the primary key: of two gateways claiming one
 * payment, the second's insert waits on the first's row and then does nothing. A claim ends by a
 * compare-and-set from {@code CLAIMED}.
 */
public final class R2dbcX402PaymentLog implements X402PaymentLog {

  private final DatabaseClient db;

  public R2dbcX402PaymentLog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Boolean> claim(X402Claim claim) {
    return db.sql(
            "INSERT INTO x402_payments (payment_key, account_id, run_id, payer, network, asset,"
                + " pay_to, amount, amount_minor, currency, state, claimed_at) VALUES (:k, :a, :run,"
                + " :payer, :network, :asset, :payTo, :amount, :minor, :currency, 'CLAIMED', :at)"
                + " ON CONFLICT (payment_key) DO NOTHING")
        .bind("k", claim.key())
        .bind("a", claim.account().value())
        .bind("run", claim.runId())
        .bind("payer", claim.payer())
        .bind("network", claim.terms().network())
        .bind("asset", claim.terms().asset())
        .bind("payTo", claim.terms().payTo())
        .bind("amount", new BigDecimal(claim.terms().amount()))
        .bind("minor", claim.price().minorUnits())
        .bind("currency", claim.price().currency())
        .bind("at", utc(claim.at()))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  @Override
  public Mono<Boolean> end(
      String key,
      X402PaymentState state,
      Optional<String> transaction,
      Optional<String> reason,
      Instant at) {
    if (!X402PaymentState.CLAIMED.next().contains(state)) {
      return Mono.error(new IllegalArgumentException("a claim cannot end in " + state));
    }
    DatabaseClient.GenericExecuteSpec update =
        db.sql(
                "UPDATE x402_payments SET state = :state, transaction = :tx, reason = :reason,"
                    + " ended_at = :at WHERE payment_key = :k AND state = 'CLAIMED'")
            .bind("state", state.name())
            .bind("at", utc(at))
            .bind("k", key);
    update =
        bindOptional(
            update,
            "tx",
            state == X402PaymentState.SETTLED ? transaction : Optional.empty(),
            String.class);
    update = bindOptional(update, "reason", reason, String.class);
    return update.fetch().rowsUpdated().map(rows -> rows > 0);
  }

  @Override
  public Mono<X402PaymentState> state(String key) {
    return db.sql("SELECT state FROM x402_payments WHERE payment_key = :k")
        .bind("k", key)
        .map(row -> X402PaymentState.valueOf(row.get("state", String.class)))
        .one();
  }
}
