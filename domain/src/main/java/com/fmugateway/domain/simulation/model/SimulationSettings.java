package com.fmugateway.domain.simulation.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Operator limits on runs: wall-clock limit and output size, and the version stamped on results.
 */
public record SimulationSettings(Duration timeout, long maxOutputSamples, String gatewayVersion) {

  public SimulationSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(gatewayVersion, "gatewayVersion");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxOutputSamples < 2) {
      throw new IllegalArgumentException("maxOutputSamples must be at least 2");
    }
  }
}
