package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.payment.Pricing;
import reactor.core.publisher.Mono;

/** Query: the prices in force, for the landing page and anyone deciding whether to sign up. */
public interface GetPricingQuery {

  Mono<Pricing> pricing();
}
