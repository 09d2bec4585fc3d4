package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class RunGuardTest {

  @Test
  void aGuardPastItsDeadline_stopsTheRunAtItsFirstCheck() {
    RunGuard guard = new RunGuard(Duration.ofNanos(1));
    awaitDeadline(guard);

    assertThatThrownBy(guard::check)
        .isInstanceOfSatisfying(
            SimulationFailedException.class,
            e -> assertThat(e.failureCause()).isEqualTo(Cause.TIMEOUT));
  }

  @Test
  void fastChecks_stillStopTheRunWithinTheChecksTheySkip() {
    RunGuard guard = new RunGuard(Duration.ofMillis(50));
    int[] passedPastTheDeadline = {0};

    // Checks in a tight loop, as a master's on a fast model: the clock is read only now and then.
    assertThatThrownBy(
            () -> {
              while (passedPastTheDeadline[0] <= RunGuard.SKIPPED) {
                boolean past = System.nanoTime() - guard.deadline() > 0;
                guard.check();
                if (past) {
                  passedPastTheDeadline[0]++;
                }
              }
            })
        .isInstanceOfSatisfying(
            SimulationFailedException.class,
            e -> assertThat(e.failureCause()).isEqualTo(Cause.TIMEOUT));
    assertThat(passedPastTheDeadline[0]).isLessThanOrEqualTo(RunGuard.SKIPPED);
  }

  @Test
  void anInterruptedThread_stopsTheRunAtOnce_evenBetweenReadingsOfTheClock() {
    RunGuard guard = new RunGuard(Duration.ofMinutes(1));
    guard.check();
    guard.check(); // fast: the next checks skip the clock

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(guard::check).isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }

  private static void awaitDeadline(RunGuard guard) {
    while (System.nanoTime() - guard.deadline() <= 0) {
      Thread.onSpinWait();
    }
  }
}
