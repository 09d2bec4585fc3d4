package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.billing.port.in.AddPurchasedCreditsUseCase;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.model.WebhookOutcome;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import com.fmugateway.domain.checkout.port.out.WebhookEventLog;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Applies what a provider says happened to a checkout, for webhooks and reconciliation alike. In
 * one transaction: the event is recorded (a second delivery finds it and changes nothing), the
 * session leaves pending (once: a later event finds it settled), and a payment is fulfilled with
 * exactly one token or one ledger purchase (both unique per session besides). This is the only
 * place payment tokens are minted.
 */
final class PaymentSettlement {

  private final PaymentSessionStore sessions;
  private final PaymentTokenStore tokens;
  private final WebhookEventLog events;
  private final AddPurchasedCreditsUseCase credits;
  private final PaymentTokenMint mint;
  private final Duration tokenTtl;
  private final Transactions transactions;
  private final Clock clock;
  private final AuditLog audit;

  PaymentSettlement(
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      WebhookEventLog events,
      AddPurchasedCreditsUseCase credits,
      PaymentTokenMint mint,
      Duration tokenTtl,
      Transactions transactions,
      Clock clock,
      AuditLog audit) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.events = Objects.requireNonNull(events, "events");
    this.credits = Objects.requireNonNull(credits, "credits");
    this.mint = Objects.requireNonNull(mint, "mint");
    this.tokenTtl = Objects.requireNonNull(tokenTtl, "tokenTtl");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** Applies event {@code eventId} of the session's provider, which reports {@code reported}. */
  Mono<WebhookOutcome> apply(PaymentSession session, PaymentStatus next, String eventId) {
    return Mono.defer(
        () -> {
          Instant now = clock.now();
          Mono<WebhookOutcome> work =
              events
                  .recordOnce(session.provider(), eventId, session.id(), next, now)
                  .flatMap(
                      first -> {
                        if (!first) {
                          return Mono.just(WebhookOutcome.DUPLICATE);
                        }
                        if (next == PaymentStatus.PENDING) {
                          return Mono.just(WebhookOutcome.UNCHANGED);
                        }
                        return sessions
                            .settle(session.id(), PaymentStatus.PENDING.to(next), now)
                            .flatMap(
                                changed ->
                                    changed
                                        ? settled(session, next, eventId, now)
                                            .thenReturn(WebhookOutcome.APPLIED)
                                        : stale(session, next, eventId, now));
                      });
          return transactions.atomically(work);
        });
  }

  private Mono<Void> settled(
      PaymentSession session, PaymentStatus next, String eventId, Instant now) {
    AuditEvent event =
        AuditEvent.by(session.account(), now, "payment." + next.code(), session.id().value())
            .with("provider", session.provider().code())
            .with("event", eventId);
    if (next != PaymentStatus.PAID) {
      return audit.record(event);
    }
    Mono<Void> fulfil =
        session.purpose() == PaymentPurpose.RUN
            ? tokens.issue(mint.mint(session, now, tokenTtl)).then()
            : credits.add(session.account(), session.credits(), session.id().value()).then();
    return fulfil.then(
        audit.record(
            event
                .with("amount", session.amount().decimal() + " " + session.amount().currency())
                .with(
                    "bought",
                    session.purpose() == PaymentPurpose.RUN
                        ? "one run"
                        : session.credits() + " credits")));
  }

  /**
   * The session was settled before. A late "expired" after a payment changes nothing and needs
   * nothing; a payment reported for a checkout already expired or failed is money without goods, so
   * it is written to the audit log for an operator to refund or honour.
   */
  private Mono<WebhookOutcome> stale(
      PaymentSession session, PaymentStatus next, String eventId, Instant now) {
    if (next != PaymentStatus.PAID) {
      return Mono.just(WebhookOutcome.UNCHANGED);
    }
    return sessions
        .find(session.id())
        .filter(current -> current.status() != PaymentStatus.PAID)
        .flatMap(
            current ->
                audit
                    .record(
                        AuditEvent.by(
                                session.account(), now, "payment.paid_late", session.id().value())
                            .with("status", current.status().code())
                            .with("provider", session.provider().code())
                            .with("provider_session", session.providerSessionId())
                            .with(
                                "amount",
                                session.amount().decimal() + " " + session.amount().currency())
                            .with("event", eventId))
                    .thenReturn(WebhookOutcome.PAID_LATE))
        .defaultIfEmpty(WebhookOutcome.UNCHANGED);
  }
}
