package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentTokenHash;
import com.fmugateway.domain.checkout.model.RunPayment;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: pay for one run with a payment token. {@link #reserve} takes the token for the run (of
 * two runs presenting it at once exactly one succeeds); the run then consumes it or gives it back.
 * Fails with {@link com.fmugateway.domain.shared.model.NotFoundException} for an unknown or another
 * account's token, {@link com.fmugateway.domain.checkout.model.PaymentGoneException} for a used,
 * busy or expired one.
 */
public interface RedeemPaymentTokenUseCase {

  /** A token reserved for one run, and the payment that bought it. */
  record Reserved(PaymentTokenHash token, RunPayment payment) {}

  Mono<Reserved> reserve(AccountId caller, String token);

  /** The run succeeded: the token is spent for good. */
  Mono<Void> consume(AccountId caller, PaymentTokenHash token, RunPayment payment, UUID runId);

  /** The run did not complete: the token pays for the next attempt. */
  Mono<Void> release(PaymentTokenHash token);
}
