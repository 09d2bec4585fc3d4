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
 *
 * <p>Reading the clock costs about as much as a simple model's derivative evaluation, so checks
 * that come fast skip it: when less than {@link #FAST_NANOS} passed since the clock was last read,
 * the next {@link #SKIPPED} checks look only at the interrupt flag. A run therefore ends at most
 * that many checks after its deadline, each of them as quick as those before it unless the model
 * slowed down at that very moment. Not thread-safe: one run's master calls it.
 */
final class RunGuard {

  static final int SKIPPED = 15;
  static final long FAST_NANOS = 20_000;

  private final Duration limit;
  private final long deadline;
  private int toSkip;
  private long lastRead;

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
    if (toSkip > 0) {
      toSkip--;
      return;
    }
    long now = System.nanoTime();
    if (now - deadline > 0) {
      throw timedOut(limit);
    }
    toSkip = lastRead != 0 && now - lastRead < FAST_NANOS ? SKIPPED : 0;
    lastRead = now;
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
