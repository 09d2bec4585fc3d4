package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.payment.Checkout;
import reactor.core.publisher.Mono;

/** Use case: open a checkout (or reuse the pending one) for a run or a credit pack. */
public interface StartCheckoutUseCase {

  Mono<Checkout> start(StartCheckoutCommand command);
}
