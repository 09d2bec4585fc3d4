package com.fmugateway.domain.fmu.model;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How an FMI 3.0 clock ticks: its interval variability ({@code constant}, {@code fixed}, {@code
 * tunable}, {@code changing}, {@code countdown}, {@code triggered}), the interval and shift in
 * seconds when the description fixes them, and its priority.
 */
public record ClockTiming(
    String intervalVariability,
    OptionalDouble interval,
    OptionalDouble shift,
    OptionalInt priority) {

  public ClockTiming {
    Objects.requireNonNull(intervalVariability, "intervalVariability");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(shift, "shift");
    Objects.requireNonNull(priority, "priority");
  }

  /** Ticks by itself at a known period: constant or fixed interval variability. */
  public boolean periodic() {
    return intervalVariability.equals("constant") || intervalVariability.equals("fixed");
  }
}
