package com.fmugateway.bootstrap;

import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.checkout.port.in.ReconcilePaymentsUseCase;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import com.fmugateway.domain.shared.model.PeriodicJob;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/**
 * Periodic work safe to run on every instance at once: holds and payment-token reservations left by
 * a gateway that died mid-run are released once they are older than any run could be, and checkouts
 * whose webhook never came are reconciled with their provider. The adapters contribute jobs of
 * their own as {@link PeriodicJob} beans; {@link PeriodicJobs} runs them all.
 */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
  private static final Duration EVERY = Duration.ofMinutes(1);
  private static final Duration MARGIN = Duration.ofMinutes(5);

  @Bean
  PeriodicJobs periodicJobs(ObjectProvider<PeriodicJob> jobs) {
    return new PeriodicJobs(jobs.orderedStream().toList(), Schedulers.parallel());
  }

  @Bean
  PeriodicJob staleHoldRelease(CreditLedger ledger, SimulationProperties limits) {
    Duration age = limits.timeout().plus(MARGIN);
    return PeriodicJob.every(
        EVERY,
        "stale hold release",
        () -> ledger.releaseStaleHolds(age).doOnNext(n -> released(n, "holds")));
  }

  @Bean
  PeriodicJob staleTokenReservationRelease(
      PaymentTokenStore tokens, SimulationProperties limits, Clock clock) {
    Duration age = limits.timeout().plus(MARGIN);
    return PeriodicJob.every(
        EVERY,
        "stale payment-token reservation release",
        () ->
            tokens
                .releaseStaleReservations(clock.now().minus(age))
                .doOnNext(n -> released(n, "payment tokens")));
  }

  @Bean
  PeriodicJob paymentReconciliation(
      ReconcilePaymentsUseCase reconciliation, PaymentProperties payments) {
    return PeriodicJob.every(
        payments.reconcile().every(),
        "checkout reconciliation",
        () ->
            reconciliation
                .reconcile()
                .filter(pass -> pass.settled() > 0 || pass.failed() > 0)
                .doOnNext(
                    pass ->
                        log.info(
                            "Reconciled checkouts: {} checked, {} settled, {} could not be checked",
                            pass.checked(),
                            pass.settled(),
                            pass.failed())));
  }

  private static void released(long count, String what) {
    if (count > 0) {
      log.warn("Released {} {} of runs that never finished", count, what);
    }
  }
}
