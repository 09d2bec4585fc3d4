package com.fmugateway.adapter.in.http.problem;

import com.fmugateway.domain.billing.model.PaymentDemand;
import java.util.Objects;

/**
 * The edge's 402: a use case decided that a request must be paid first, and the controller raises
 * this once so the problem handler can answer with the demand's checkout, quote and next step.
 */
public final class PaymentRequiredException extends RuntimeException {

  private final transient PaymentDemand demand;

  public PaymentRequiredException(PaymentDemand demand) {
    super(demand.message(), null, false, false);
    this.demand = Objects.requireNonNull(demand, "demand");
  }

  public PaymentDemand demand() {
    return demand;
  }
}
