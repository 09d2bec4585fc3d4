package com.fmugateway.domain.billing.port.out;

import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.billing.model.X402Verdict;
import reactor.core.publisher.Mono;

/**
 * Role: the x402 facilitator, which checks signed payments and settles them on chain. Fails with
 * {@link com.fmugateway.domain.checkout.model.ProviderUnavailableException} when it cannot be
 * reached; a refusal is an answer, not a failure.
 */
public interface X402Facilitator {

  /** Whether {@code payment} would settle for {@code terms}; moves no funds. */
  Mono<X402Verdict> verify(X402Payment payment, X402Terms terms);

  /** Settles {@code payment}: the payer's funds move to the payee, or the receipt says why not. */
  Mono<X402Receipt> settle(X402Payment payment, X402Terms terms);
}
