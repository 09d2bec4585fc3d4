package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.checkout.model.Checkout;
import reactor.core.publisher.Mono;

/** Use case: open a checkout (or reuse the pending one) for a run or a credit pack. */
public interface StartCheckoutUseCase {

  Mono<Checkout> start(StartCheckoutCommand command);
}
