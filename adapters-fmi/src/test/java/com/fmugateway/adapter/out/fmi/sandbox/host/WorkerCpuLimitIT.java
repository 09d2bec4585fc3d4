package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that uses up its CPU seconds is reported as having hit that limit, not as a crash: the
 * soft limit (SIGXCPU) comes before the hard one (SIGKILL). With both equal, Linux sends SIGKILL at
 * once and the caller read "simulation crashed (signal 9)".
 */
class WorkerCpuLimitIT {

  /** Above what a worker's start and warm-up take, so only the hostile run reaches it. */
  private static final long CPU_SECONDS = 15;

  @TempDir Path workDir;

  @Test
  void aRunThatUsesUpItsWorkersCpu_failsAtTheCpuLimit() {
    SandboxSettings settings =
        SandboxSettings.defaults(workDir).toBuilder()
            .cpuSeconds(CPU_SECONDS)
            .requireBubblewrap(true)
            .build();
    // The run's own limit is far beyond the worker's CPU seconds: the CPU limit must come first.
    SimulationJob spin = HostileJob.of("InfiniteLoop").timeout(Duration.ofSeconds(120)).job();

    try (SandboxedSimulator simulator = new SandboxedSimulator(settings, failure -> {})) {
      SimulationFailedException failure =
          catchThrowableOfType(
              SimulationFailedException.class,
              () -> simulator.simulate(spin).block(Duration.ofSeconds(180)));

      assertThat(failure).as("the run should have failed").isNotNull();
      assertThat(failure.failureCause()).as(failure.getMessage()).isEqualTo(Cause.RESOURCE_LIMIT);
      assertThat(failure.getMessage())
          .isEqualTo("simulation used up its worker's " + CPU_SECONDS + " s of CPU time");
    }
  }
}
