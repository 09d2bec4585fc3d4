package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.credit.PaymentRequiredException;
import com.fmugateway.domain.model.payment.PaymentOffer;
import com.fmugateway.domain.model.payment.PaymentRequirement;
import com.fmugateway.domain.model.payment.PaymentSession;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.PaymentRequirementLog;
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

  /** Records the 402, then fails with it. */
  <T> Mono<T> answer(AccountId caller, String fmuId, PaymentRequiredException required) {
    return Mono.defer(() -> log.record(requirement(caller, fmuId, required)))
        .onErrorResume(
            failure -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Could not record a 402 for account " + caller + "; it is answered all the same",
                  failure);
              return Mono.empty();
            })
        .then(Mono.error(required));
  }

  private PaymentRequirement requirement(
      AccountId caller, String fmuId, PaymentRequiredException required) {
    return new PaymentRequirement(
        caller,
        required.offer().map(PaymentOffer::fmuId).orElse(fmuId),
        clock.now(),
        required.quote(),
        required.balance(),
        required.offer().map(PaymentOffer::amount),
        required.offer().flatMap(PaymentOffer::checkout).map(PaymentSession::id),
        required.isQuoteOnly());
  }
}
