package com.fmugateway.domain.checkout.model;

import java.time.Duration;
import java.util.Objects;

/**
 * When reconciliation asks providers about a checkout: once it has been pending longer than {@code
 * after}; a gateway's claim on a checkout holds for {@code every}; at most {@code batch} a pass.
 */
public record ReconcileSchedule(Duration after, Duration every, int batch) {

  public ReconcileSchedule {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(every, "every");
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive");
    }
  }
}
