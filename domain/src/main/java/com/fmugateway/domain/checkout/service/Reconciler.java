package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ReconcileSchedule;
import com.fmugateway.domain.checkout.model.Reconciliation;
import com.fmugateway.domain.checkout.model.WebhookOutcome;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Settles checkouts whose webhook never came: each pass claims a batch of sessions pending for
 * longer than {@code after} (a claim holds for {@code every}, so gateways running it at once ask
 * about different sessions), asks their provider, and applies the answer through the same
 * settlement as a webhook, under the event id {@code reconciliation:<session>:<status>}.
 */
final class Reconciler {

  private enum Result {
    SETTLED,
    UNCHANGED,
    FAILED
  }

  private final PaymentProviders providers;
  private final PaymentSessionStore sessions;
  private final PaymentSettlement settlement;
  private final Clock clock;
  private final Duration after;
  private final Duration every;
  private final int batch;

  Reconciler(
      PaymentProviders providers,
      PaymentSessionStore sessions,
      PaymentSettlement settlement,
      Clock clock,
      ReconcileSchedule schedule) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.settlement = Objects.requireNonNull(settlement, "settlement");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.after = schedule.after();
    this.every = schedule.every();
    this.batch = schedule.batch();
  }

  Mono<Reconciliation> reconcile() {
    return Mono.defer(
        () -> {
          Instant now = clock.now();
          return sessions
              .claimForReconciliation(now.minus(after), now, now.plus(every), batch)
              .concatMap(this::check)
              .collectList()
              .map(
                  results ->
                      new Reconciliation(
                          results.size(),
                          results.stream().filter(r -> r == Result.SETTLED).count(),
                          results.stream().filter(r -> r == Result.FAILED).count()));
        });
  }

  private Mono<Result> check(PaymentSession session) {
    return Mono.justOrEmpty(providers.byId(session.provider()))
        .flatMap(provider -> provider.status(session.providerSessionId()))
        .flatMap(
            status ->
                status == PaymentStatus.PENDING
                    ? Mono.just(Result.UNCHANGED)
                    : settlement
                        .apply(
                            session,
                            status,
                            "reconciliation:" + session.id().value() + ":" + status.name())
                        .map(o -> o == WebhookOutcome.APPLIED ? Result.SETTLED : Result.UNCHANGED))
        .defaultIfEmpty(Result.FAILED)
        .onErrorResume(e -> Mono.just(Result.FAILED));
  }
}
