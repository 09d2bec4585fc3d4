package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentOffer;
import com.fmugateway.domain.billing.model.PaymentRequirement;
import com.fmugateway.domain.billing.port.out.PaymentRequirementLog;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.shared.port.out.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Notes each 402 for the operators' funnel. The note is bookkeeping: when it cannot be written the
 * failure is logged and the caller still gets the 402 with its checkout, never a 500 that would
 * hide a checkout already opened for them.
 */
final class PaymentRequirements {

  private static final System.Logger LOG = System.getLogger(PaymentRequirements.class.getName());

  private final PaymentRequirementLog log;
  private final Clock clock;

  PaymentRequirements(PaymentRequirementLog log, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records the demand; never fails, so the caller always learns what to pay. */
  Mono<Void> record(AccountId caller, String fmuId, PaymentDemand required) {
    return Mono.defer(() -> log.record(requirement(caller, fmuId, required)))
        .onErrorResume(
            failure -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Could not record a 402 for account " + caller + "; it is answered all the same",
                  failure);
              return Mono.empty();
            })
        .then();
  }

  private PaymentRequirement requirement(AccountId caller, String fmuId, PaymentDemand required) {
    return new PaymentRequirement(
        caller,
        required.offer().map(PaymentOffer::fmuId).orElse(fmuId),
        clock.now(),
        required.quote(),
        required.balance(),
        required.offer().map(PaymentOffer::amount),
        required.offer().flatMap(PaymentOffer::checkout).map(PaymentSession::id),
        required.quoteOnly());
  }
}
