package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.billing.model.Pricing;
import reactor.core.publisher.Mono;

/** Query: the prices in force, for the landing page and anyone deciding whether to sign up. */
public interface GetPricingQuery {

  Mono<Pricing> pricing();
}
