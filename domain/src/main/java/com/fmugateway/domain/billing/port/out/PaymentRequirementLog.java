package com.fmugateway.domain.billing.port.out;

import com.fmugateway.domain.billing.model.PaymentRequirement;
import reactor.core.publisher.Mono;

/** Role: the append-only record of every 402 answered, the top of the payment funnel. */
public interface PaymentRequirementLog {

  Mono<Void> record(PaymentRequirement requirement);
}
