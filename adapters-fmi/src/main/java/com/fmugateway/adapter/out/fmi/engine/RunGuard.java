package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Stops a run that passes its wall-clock limit or whose thread was interrupted. The masters call
 * {@link #check()} at every step and derivative evaluation, so a run ends promptly unless the FMU
 * itself hangs inside a call.
 */
final class RunGuard {

  private final Duration limit;
  private final long deadline;

  RunGuard(Duration limit) {
    this.limit = limit;
    long now = System.nanoTime();
    long nanos = limit.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE / 2 : limit.toNanos();
    this.deadline = now + nanos;
  }

  /** When the run's time is up, on the clock of {@link System#nanoTime()}. */
  long deadline() {
    return deadline;
  }

  void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the simulation was cancelled");
    }
    if (System.nanoTime() - deadline > 0) {
      throw timedOut(limit);
    }
  }

  /** The failure reported for a run that took longer than {@code limit}. */
  static SimulationFailedException timedOut(Duration limit) {
    return new SimulationFailedException(
        Cause.TIMEOUT, "simulation exceeded its " + seconds(limit) + " s limit", List.of());
  }

  private static String seconds(Duration limit) {
    return Times.format(limit.getSeconds() + limit.getNano() / 1e9);
  }
}
