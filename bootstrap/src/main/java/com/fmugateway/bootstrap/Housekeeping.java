package com.fmugateway.bootstrap;

import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.checkout.port.in.ReconcilePaymentsUseCase;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Periodic work safe to run on every instance at once: holds and payment-token reservations left by
 * a gateway that died mid-run are released once they are older than any run could be, and checkouts
 * whose webhook never came are reconciled with their provider.
 */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
  private static final Duration EVERY = Duration.ofMinutes(1);
  private static final Duration MARGIN = Duration.ofMinutes(5);

  @Bean(destroyMethod = "dispose")
  Disposable staleHoldReleaser(CreditLedger ledger, SimulationProperties limits) {
    Duration age = limits.timeout().plus(MARGIN);
    return Flux.interval(EVERY, EVERY)
        .concatMap(
            tick ->
                ledger
                    .releaseStaleHolds(age)
                    .doOnNext(
                        n -> {
                          if (n > 0) {
                            log.warn("Released {} holds of runs that never finished", n);
                          }
                        })
                    .onErrorResume(
                        e -> {
                          log.warn("Releasing stale holds failed: {}", e.getMessage());
                          return Mono.empty();
                        }))
        .subscribe();
  }

  @Bean(destroyMethod = "dispose")
  Disposable staleTokenReservationReleaser(
      PaymentTokenStore tokens, SimulationProperties limits, Clock clock) {
    Duration age = limits.timeout().plus(MARGIN);
    return Flux.interval(EVERY, EVERY)
        .concatMap(
            tick ->
                tokens
                    .releaseStaleReservations(clock.now().minus(age))
                    .doOnNext(
                        n -> {
                          if (n > 0) {
                            log.warn("Released {} payment tokens of runs that never finished", n);
                          }
                        })
                    .onErrorResume(
                        e -> {
                          log.warn("Releasing stale token reservations failed: {}", e.getMessage());
                          return Mono.empty();
                        }))
        .subscribe();
  }

  @Bean(destroyMethod = "dispose")
  Disposable paymentReconciler(
      ReconcilePaymentsUseCase reconciliation, PaymentProperties payments) {
    Duration every = payments.reconcile().every();
    return Flux.interval(every, every)
        .concatMap(
            tick ->
                reconciliation
                    .reconcile()
                    .doOnNext(
                        pass -> {
                          if (pass.settled() > 0 || pass.failed() > 0) {
                            log.info(
                                "Reconciled checkouts: {} checked, {} settled, {} could not be"
                                    + " checked",
                                pass.checked(),
                                pass.settled(),
                                pass.failed());
                          }
                        })
                    .onErrorResume(
                        e -> {
                          log.warn("Reconciling checkouts failed: {}", e.getMessage());
                          return Mono.empty();
                        }))
        .subscribe();
  }
}
