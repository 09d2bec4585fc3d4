package com.fmugateway.adapter.out.persistence.payment;

import static com.fmugateway.adapter.out.persistence.support.Sql.bindOptional;
import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.shared.model.Transition;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checkouts in PostgreSQL. A partial unique index keeps one pending checkout per account and
 * request; adding another is {@code ON CONFLICT DO NOTHING} and answers the one stored. Settling is
 * one conditional UPDATE ({@code SET status = next WHERE status = expected}, both from {@link
 * PaymentStatus#TRANSITIONS}): of concurrent settlements the row lock lets one through and the
 * others find it settled. Reconciliation claims rows with {@code FOR UPDATE SKIP LOCKED}, so
 * gateways never share one.
 */
public final class R2dbcPaymentSessions implements PaymentSessionStore {

  private static final String COLUMNS =
      "id, account_id, purpose, pack_id, credits, fmu_id, amount_minor, currency, method,"
          + " provider, provider_session_id, checkout_url, status, fingerprint, created_at,"
          + " expires_at";

  /** Inserting, then reading the winner back, may miss it if it was settled in between. */
  private static final int ADD_ATTEMPTS = 3;

  private final DatabaseClient db;

  public R2dbcPaymentSessions(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<PaymentSession> add(PaymentSession session) {
    return add(session, ADD_ATTEMPTS);
  }

  private Mono<PaymentSession> add(PaymentSession session, int attempts) {
    if (attempts == 0) {
      return Mono.error(
          new IllegalStateException(
              "the pending checkout for request " + session.fingerprint() + " kept changing"));
    }
    return insert(session)
        .flatMap(rows -> rows > 0 ? Mono.just(session) : pendingFor(session))
        .switchIfEmpty(Mono.defer(() -> add(session, attempts - 1)));
  }

  private Mono<Long> insert(PaymentSession session) {
    DatabaseClient.GenericExecuteSpec insert =
        db.sql(
                "INSERT INTO payment_sessions ("
                    + COLUMNS
                    + ", next_check_at) VALUES (:id, :a, :purpose, :pack, :credits, :fmu, :amount,"
                    + " :currency, :method, :provider, :psid, :url, :status, :fp, :created,"
                    + " :expires, :created) ON CONFLICT (account_id, fingerprint)"
                    + " WHERE status = 'PENDING' AND superseded_at IS NULL DO NOTHING")
            .bind("id", session.id().value())
            .bind("a", session.account().value())
            .bind("purpose", session.purpose().name())
            .bind("credits", session.credits())
            .bind("amount", session.amount().minorUnits())
            .bind("currency", session.amount().currency())
            .bind("method", session.method().name())
            .bind("provider", session.provider().name())
            .bind("psid", session.providerSessionId())
            .bind("url", session.checkoutUrl())
            .bind("status", session.status().name())
            .bind("fp", session.fingerprint())
            .bind("created", utc(session.createdAt()))
            .bind("expires", utc(session.expiresAt()));
    insert = bindOptional(insert, "pack", session.packId(), String.class);
    insert = bindOptional(insert, "fmu", session.fmuId(), String.class);
    return insert.fetch().rowsUpdated();
  }

  /**
   * The checkout that won the request's slot; empty if it was settled or superseded since (the
   * insert is then tried again).
   */
  private Mono<PaymentSession> pendingFor(PaymentSession session) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM payment_sessions WHERE account_id = :a AND fingerprint = :fp"
                + " AND status = 'PENDING' AND superseded_at IS NULL")
        .bind("a", session.account().value())
        .bind("fp", session.fingerprint())
        .map(R2dbcPaymentSessions::toSession)
        .one();
  }

  @Override
  public Mono<Void> supersede(AccountId owner, String fingerprint, Instant payableAt) {
    return db.sql(
            "UPDATE payment_sessions SET superseded_at = now() WHERE account_id = :a"
                + " AND fingerprint = :fp AND status = 'PENDING' AND superseded_at IS NULL"
                + " AND expires_at <= :at")
        .bind("a", owner.value())
        .bind("fp", fingerprint)
        .bind("at", utc(payableAt))
        .then();
  }

  @Override
  public Mono<PaymentSession> find(AccountId owner, PaymentSessionId id) {
    return db.sql("SELECT " + COLUMNS + " FROM payment_sessions WHERE id = :id AND account_id = :a")
        .bind("id", id.value())
        .bind("a", owner.value())
        .map(R2dbcPaymentSessions::toSession)
        .one();
  }

  @Override
  public Mono<PaymentSession> find(PaymentSessionId id) {
    return db.sql("SELECT " + COLUMNS + " FROM payment_sessions WHERE id = :id")
        .bind("id", id.value())
        .map(R2dbcPaymentSessions::toSession)
        .one();
  }

  @Override
  public Mono<PaymentSession> findByProviderSession(ProviderId provider, String providerSessionId) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM payment_sessions WHERE provider = :p AND provider_session_id = :psid")
        .bind("p", provider.name())
        .bind("psid", providerSessionId)
        .map(R2dbcPaymentSessions::toSession)
        .one();
  }

  @Override
  public Mono<PaymentSession> findReusable(AccountId owner, String fingerprint, Instant payableAt) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM payment_sessions WHERE account_id = :a AND fingerprint = :fp"
                + " AND status = 'PENDING' AND superseded_at IS NULL AND expires_at > :at")
        .bind("a", owner.value())
        .bind("fp", fingerprint)
        .bind("at", utc(payableAt))
        .map(R2dbcPaymentSessions::toSession)
        .one();
  }

  @Override
  public Mono<Boolean> settle(
      PaymentSessionId id, Transition<PaymentStatus> transition, Instant at) {
    PaymentStatus.TRANSITIONS.between(transition.from(), transition.to());
    return db.sql(
            "UPDATE payment_sessions SET status = :next, settled_at = :at"
                + " WHERE id = :id AND status = :expected")
        .bind("next", transition.to().name())
        .bind("at", utc(at))
        .bind("id", id.value())
        .bind("expected", transition.from().name())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  @Override
  public Flux<PaymentSession> claimForReconciliation(
      Instant openedBefore, Instant now, Instant nextCheck, int limit) {
    return db.sql(
            "UPDATE payment_sessions SET next_check_at = :next WHERE id IN ("
                + " SELECT id FROM payment_sessions WHERE status = 'PENDING'"
                + " AND created_at < :before AND next_check_at <= :now"
                + " ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                + " RETURNING "
                + COLUMNS)
        .bind("next", utc(nextCheck))
        .bind("before", utc(openedBefore))
        .bind("now", utc(now))
        .bind("limit", limit)
        .map(R2dbcPaymentSessions::toSession)
        .all();
  }

  private static PaymentSession toSession(Readable row) {
    return new PaymentSession(
        new PaymentSessionId(row.get("id", String.class)),
        new AccountId(row.get("account_id", UUID.class)),
        PaymentPurpose.valueOf(row.get("purpose", String.class)),
        Optional.ofNullable(row.get("pack_id", String.class)),
        row.get("credits", Long.class),
        Optional.ofNullable(row.get("fmu_id", String.class)),
        new Money(row.get("amount_minor", Long.class), row.get("currency", String.class)),
        PaymentMethod.valueOf(row.get("method", String.class)),
        ProviderId.valueOf(row.get("provider", String.class)),
        row.get("provider_session_id", String.class),
        row.get("checkout_url", String.class),
        PaymentStatus.valueOf(row.get("status", String.class)),
        row.get("fingerprint", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        row.get("expires_at", OffsetDateTime.class).toInstant());
  }
}
