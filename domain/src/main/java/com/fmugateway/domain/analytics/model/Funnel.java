package com.fmugateway.domain.analytics.model;

import java.util.List;
import java.util.OptionalDouble;

/** The payment funnel of a period, one step per {@link FunnelStage}, in order. */
public record Funnel(List<FunnelStep> steps) {

  public Funnel {
    steps = List.copyOf(steps);
    FunnelStage[] stages = FunnelStage.values();
    if (steps.size() != stages.length) {
      throw new IllegalArgumentException("a funnel has a step for every stage");
    }
    for (int i = 0; i < stages.length; i++) {
      if (steps.get(i).stage() != stages[i]) {
        throw new IllegalArgumentException("funnel steps out of order at " + stages[i]);
      }
    }
  }

  public FunnelStep step(FunnelStage stage) {
    return steps.get(stage.ordinal());
  }

  /**
   * The share of the previous step's accounts that reached this step; empty for the first step and
   * when the previous step had no accounts.
   */
  public OptionalDouble conversion(FunnelStage stage) {
    if (stage.ordinal() == 0) {
      return OptionalDouble.empty();
    }
    return share(step(stage).accounts(), steps.get(stage.ordinal() - 1).accounts());
  }

  /** The share of the accounts asked to pay that went on to simulate on what they paid. */
  public OptionalDouble overall() {
    return share(
        step(FunnelStage.SIMULATED).accounts(), step(FunnelStage.PAYMENT_REQUIRED).accounts());
  }

  private static OptionalDouble share(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }
}
