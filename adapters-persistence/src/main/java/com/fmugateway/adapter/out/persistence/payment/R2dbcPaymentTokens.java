package com.fmugateway.adapter.out.persistence.payment;

import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentToken;
import com.fmugateway.domain.checkout.model.PaymentTokenHash;
import com.fmugateway.domain.checkout.model.PaymentTokenMove;
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
 * ({@code SET state = next ... WHERE state = expected}, both from {@link
 * PaymentTokenState#TRANSITIONS}; a reservation also requires the owner and an unexpired token), so
 * concurrent uses of one token are serialized by its row lock and exactly one reserves it.
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
  public Mono<Boolean> move(PaymentTokenHash hash, PaymentTokenMove move) {
    String set =
        switch (move.next()) {
          case RESERVED -> "reserved_at = :at";
          case READY -> "reserved_at = NULL";
          case CONSUMED -> "reserved_at = NULL, consumed_at = :at, run_id = :run";
        };
    String guard = move.owner().isPresent() ? " AND account_id = :a AND expires_at > :at" : "";
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "UPDATE payment_tokens SET state = :next, "
                    + set
                    + " WHERE token_hash = :hash AND state = :expected"
                    + guard)
            .bind("next", move.next().name())
            .bind("hash", hash.hex())
            .bind("expected", move.expected().name());
    if (set.contains(":at") || !guard.isEmpty()) {
      spec = spec.bind("at", utc(move.at()));
    }
    if (move.owner().isPresent()) {
      spec = spec.bind("a", move.owner().get().value());
    }
    if (move.runId().isPresent()) {
      spec = spec.bind("run", move.runId().get());
    }
    return update(spec);
  }

  @Override
  public Mono<Long> releaseStaleReservations(Instant reservedBefore) {
    return db.sql(
            "UPDATE payment_tokens SET state = :next, reserved_at = NULL"
                + " WHERE state = :expected AND reserved_at < :before")
        .bind("next", PaymentTokenState.RELEASE.to().name())
        .bind("expected", PaymentTokenState.RELEASE.from().name())
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
