package com.fmugateway.domain.shared.model;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Work to repeat on a schedule, described as a value: a name for the log, the period, the delay
 * before the first run, and the work as a {@code Mono} made afresh for each run. It starts nothing
 * itself; the application runs every job it is given, one run at a time per job, until shutdown.
 */
public record PeriodicJob(
    String name, Duration period, Duration initialDelay, Supplier<? extends Mono<?>> work) {

  public PeriodicJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(work, "work");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initialDelay must not be negative: " + initialDelay);
    }
  }

  /** A job whose first run comes one period after start-up, like every later one. */
  public static PeriodicJob every(Duration period, String name, Supplier<? extends Mono<?>> work) {
    return new PeriodicJob(name, period, period, work);
  }
}
