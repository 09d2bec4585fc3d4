package com.fmugateway.domain.analytics.model;

import java.util.Objects;

/** One funnel step: how many times it happened, and for how many distinct accounts. */
public record FunnelStep(FunnelStage stage, long count, long accounts) {

  public FunnelStep {
    Objects.requireNonNull(stage, "stage");
    if (accounts > count) {
      throw new IllegalArgumentException("every account in a step did it at least once");
    }
  }
}
