package com.fmugateway.adapter.out.persistence.payment;

import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentToken;
import com.fmugateway.domain.checkout.model.PaymentTokenHash;
import com.fmugateway.domain.checkout.model.PaymentTokenState;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Payment tokens in PostgreSQL. Every state change is one conditional UPDATE on the token's row
 * ({@code ... WHERE state = 'READY' AND expires_at > now}), so concurrent uses of one token are
 * serialized by its row lock and exactly one reserves it.
 */
public final class R2dbcPaymentTokens implements PaymentTokenStore {

  private static final String COLUMNS =
      "token_hash, seed, account_id, session_id, state, ready_at, expires_at";

  private final DatabaseClient db;

  public R2dbcPaymentTokens(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<PaymentToken> issue(PaymentToken token) {
    return db.sql(
            "INSERT INTO payment_tokens ("
                + COLUMNS
                + ") VALUES (:hash, :seed, :a, :session, :state, :ready, :expires)"
                + " ON CONFLICT (session_id) DO NOTHING")
        .bind("hash", token.hash().hex())
        .bind("seed", token.seed())
        .bind("a", token.account().value())
        .bind("session", token.session().value())
        .bind("state", token.state().name())
        .bind("ready", utc(token.readyAt()))
        .bind("expires", utc(token.expiresAt()))
        .fetch()
        .rowsUpdated()
        .then(findBySession(token.session()));
  }

  @Override
  public Mono<PaymentToken> findBySession(PaymentSessionId session) {
    return db.sql("SELECT " + COLUMNS + " FROM payment_tokens WHERE session_id = :session")
        .bind("session", session.value())
        .map(R2dbcPaymentTokens::toToken)
        .one();
  }

  @Override
  public Mono<PaymentToken> findByHash(PaymentTokenHash hash) {
    return db.sql("SELECT " + COLUMNS + " FROM payment_tokens WHERE token_hash = :hash")
        .bind("hash", hash.hex())
        .map(R2dbcPaymentTokens::toToken)
        .one();
  }

  @Override
  public Mono<Boolean> reserve(PaymentTokenHash hash, AccountId owner, Instant now) {
    return update(
        db.sql(
                "UPDATE payment_tokens SET state = 'RESERVED', reserved_at = :now"
                    + " WHERE token_hash = :hash AND account_id = :a AND state = 'READY'"
                    + " AND expires_at > :now")
            .bind("now", utc(now))
            .bind("hash", hash.hex())
            .bind("a", owner.value()));
  }

  @Override
  public Mono<Boolean> consume(PaymentTokenHash hash, UUID runId, Instant at) {
    return update(
        db.sql(
                "UPDATE payment_tokens SET state = 'CONSUMED', reserved_at = NULL,"
                    + " consumed_at = :at, run_id = :run"
                    + " WHERE token_hash = :hash AND state = 'RESERVED'")
            .bind("at", utc(at))
            .bind("run", runId)
            .bind("hash", hash.hex()));
  }

  @Override
  public Mono<Boolean> release(PaymentTokenHash hash) {
    return update(
        db.sql(
                "UPDATE payment_tokens SET state = 'READY', reserved_at = NULL"
                    + " WHERE token_hash = :hash AND state = 'RESERVED'")
            .bind("hash", hash.hex()));
  }

  @Override
  public Mono<Long> releaseStaleReservations(Instant reservedBefore) {
    return db.sql(
            "UPDATE payment_tokens SET state = 'READY', reserved_at = NULL"
                + " WHERE state = 'RESERVED' AND reserved_at < :before")
        .bind("before", utc(reservedBefore))
        .fetch()
        .rowsUpdated();
  }

  private static Mono<Boolean> update(DatabaseClient.GenericExecuteSpec spec) {
    return spec.fetch().rowsUpdated().map(rows -> rows > 0);
  }

  private static PaymentToken toToken(Readable row) {
    return new PaymentToken(
        new PaymentTokenHash(row.get("token_hash", String.class)),
        row.get("seed", String.class),
        new AccountId(row.get("account_id", UUID.class)),
        new PaymentSessionId(row.get("session_id", String.class)),
        PaymentTokenState.valueOf(row.get("state", String.class)),
        row.get("ready_at", OffsetDateTime.class).toInstant(),
        row.get("expires_at", OffsetDateTime.class).toInstant());
  }
}
