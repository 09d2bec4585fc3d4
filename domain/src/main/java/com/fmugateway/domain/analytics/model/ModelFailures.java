package com.fmugateway.domain.analytics.model;

import java.util.Objects;
import java.util.Optional;

/** How often runs of one model failed; {@code modelName} is known for uploaded FMUs. */
public record ModelFailures(String fmuId, Optional<String> modelName, long runs, long failed) {

  public ModelFailures {
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(modelName, "modelName");
    if (runs < 1 || failed < 0 || failed > runs) {
      throw new IllegalArgumentException("failed runs are some of at least one run");
    }
  }

  /** Failed runs over all runs, from 0 to 1. */
  public double rate() {
    return (double) failed / runs;
  }
}
