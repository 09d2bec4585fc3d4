package com.fmugateway.adapter.out.fmi.sandbox.host;

import static com.fmugateway.domain.simulation.model.SimulationFailedException.Cause.CRASHED;
import static com.fmugateway.domain.simulation.model.SimulationFailedException.Cause.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.StartValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FMI 3.0 runs go through the same confined worker as FMI 2.0 ones: results equal the in-process
 * engine's, and a crashing or hanging FMI 3.0 FMU is contained the same way.
 */
class Fmi3SandboxIT {

  private static final Duration GRACE = Duration.ofSeconds(60);

  @TempDir static Path root;
  private static SandboxedSimulator simulator;

  @BeforeAll
  static void startTheSandbox() throws IOException {
    Path workDir = Files.createDirectories(root.resolve("sandbox"));
    simulator =
        new SandboxedSimulator(
            SandboxSettings.defaults(workDir).toBuilder().requireBubblewrap(true).build());
  }

  @AfterAll
  static void closeTheSandbox() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void feedthrough3_throughTheSandbox_keepsEvery64BitDigitAndEqualsTheInProcessEngine() {
    FmuArtifact fmu = TestFmus.upload3("Feedthrough3");
    ModelDescription description = fmu.description();
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.CO_SIMULATION,
            0,
            1,
            0.25,
            List.of(
                new StartValue(
                    description.variable("Int64_input").orElseThrow(), 9007199254740993L),
                new StartValue(description.variable("UInt64_input").orElseThrow(), -1L)),
            List.of(),
            List.of(
                description.variable("Int64_output").orElseThrow(),
                description.variable("UInt64_output").orElseThrow(),
                description.variable("Binary_output").orElseThrow()),
            Solver.defaults(),
            Duration.ofSeconds(30));

    SimulationResult result = run(new SimulationJob(AccountId.random(), fmu, plan));

    assertThat(result).isEqualTo(new SimulationEngine().run(fmu.archive(), description, plan));
    assertThat(result.column("Int64_output").orElseThrow().valueAt(4)).isEqualTo(9007199254740993L);
    assertThat(result.column("UInt64_output").orElseThrow().valueAt(4).toString())
        .isEqualTo("18446744073709551615");
    assertThat(result.column("Binary_output").orElseThrow().valueAt(4)).isEqualTo("00ff7f80");
  }

  @Test
  void segfault3InDoStep_simulate_failsAsCrashedBySignal11() {
    SimulationFailedException failure = failure(hostile("Segfault3", Duration.ofSeconds(30)));

    assertThat(failure.failureCause()).isEqualTo(CRASHED);
    assertThat(failure.getMessage()).contains("signal 11");
  }

  @Test
  void infiniteLoop3InDoStep_simulate_failsAsTimeout() {
    SimulationFailedException failure = failure(hostile("InfiniteLoop3", Duration.ofSeconds(3)));

    assertThat(failure.failureCause()).isEqualTo(TIMEOUT);
  }

  private static SimulationJob hostile(String fixture, Duration timeout) {
    FmuArtifact fmu = TestFmus.hostile3(fixture);
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.CO_SIMULATION,
            0,
            1,
            1,
            List.of(),
            List.of(),
            List.of(),
            Solver.defaults(),
            timeout);
    return new SimulationJob(AccountId.random(), fmu, plan);
  }

  private static SimulationResult run(SimulationJob job) {
    return simulator.simulate(job).block(job.plan().timeout().plus(GRACE));
  }

  private static SimulationFailedException failure(SimulationJob job) {
    SimulationFailedException failure =
        catchThrowableOfType(SimulationFailedException.class, () -> run(job));
    assertThat(failure).as("the hostile run must fail").isNotNull();
    return failure;
  }
}
