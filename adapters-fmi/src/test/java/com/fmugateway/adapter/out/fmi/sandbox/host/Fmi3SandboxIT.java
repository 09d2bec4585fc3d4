package com.fmugateway.adapter.out.fmi.sandbox.host;

import static com.fmugateway.domain.simulation.model.SimulationFailedException.Cause.CRASHED;
import static com.fmugateway.domain.simulation.model.SimulationFailedException.Cause.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.StartValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FMI 3.0 runs, co-simulation and model exchange, go through the same confined worker as FMI 2.0
 * ones: results equal the in-process engine's, and a crashing or hanging FMI 3.0 FMU is contained
 * the same way.
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
            Duration.ofSeconds(30),
            Map.of());

    SimulationResult result = run(new SimulationJob(AccountId.random(), fmu, plan));

    assertThat(result).isEqualTo(InProcess.run(fmu.archive(), description, plan));
    assertThat(result.column("Int64_output").orElseThrow().valueAt(4)).isEqualTo(9007199254740993L);
    assertThat(result.column("UInt64_output").orElseThrow().valueAt(4).toString())
        .isEqualTo("18446744073709551615");
    assertThat(result.column("Binary_output").orElseThrow().valueAt(4)).isEqualTo("00ff7f80");
  }

  @Test
  void bouncingBall3ByModelExchange_throughTheSandbox_bouncesLikeTheFmi2BallInTheSandbox() {
    Solver dormandPrince =
        new Solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8, OptionalDouble.empty());
    SimulationJob fmi3 = modelExchange(TestFmus.upload3("BouncingBall3"), 3, 0.01, dormandPrince);
    SimulationJob fmi2 = modelExchange(TestFmus.library("BouncingBall"), 3, 0.01, dormandPrince);

    SimulationResult result = run(fmi3);
    SimulationResult twin = run(fmi2);

    assertThat(result).isEqualTo(engine(fmi3));
    assertThat(result.events()).isEqualTo(11).isEqualTo(twin.events());
    double[] h = reals(result, "h");
    double[] h2 = reals(twin, "h");
    for (int i = 0; i < h.length; i++) {
      assertThat(h[i]).as("h at t=%s", result.time()[i]).isGreaterThanOrEqualTo(-1e-8);
      assertThat(h[i]).as("h at t=%s", result.time()[i]).isCloseTo(h2[i], within(1e-6));
    }
  }

  @Test
  void robertson3ByModelExchangeWithRosenbrock_throughTheSandbox_reachesTheReferenceY1() {
    Solver rosenbrock = new Solver(SolverKind.ROSENBROCK, 1e-6, 1e-10, OptionalDouble.empty());
    SimulationJob job = modelExchange(TestFmus.upload3("Robertson3"), 40, 0.4, rosenbrock);

    SimulationResult result = run(job);

    int last = result.time().length - 1;
    // Hairer and Wanner, Solving ODEs II: y1(40) = 0.7158271.
    assertThat(reals(result, "y1")[last]).isCloseTo(0.7158271, within(2e-6));
    assertThat(result).isEqualTo(engine(job));
  }

  @Test
  void feedthrough3ByModelExchange_throughTheSandbox_keepsEvery64BitDigit() {
    FmuArtifact fmu = TestFmus.upload3("Feedthrough3");
    ModelDescription description = fmu.description();
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.MODEL_EXCHANGE,
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
                description.variable("UInt64_output").orElseThrow()),
            Solver.defaults(),
            Duration.ofSeconds(30),
            Map.of());

    SimulationResult result = run(new SimulationJob(AccountId.random(), fmu, plan));

    assertThat(result.column("Int64_output").orElseThrow().valueAt(4)).isEqualTo(9007199254740993L);
    assertThat(result.column("UInt64_output").orElseThrow().valueAt(4).toString())
        .isEqualTo("18446744073709551615");
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
            timeout,
            Map.of());
    return new SimulationJob(AccountId.random(), fmu, plan);
  }

  /** The whole output of {@code fmu} (h and v, or y1 to y3) by model exchange. */
  private static SimulationJob modelExchange(
      FmuArtifact fmu, double stop, double step, Solver solver) {
    ModelDescription description = fmu.description();
    List<ModelVariable> outputs =
        description.variables().stream().filter(v -> v.causality() == Causality.OUTPUT).toList();
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.MODEL_EXCHANGE,
            0,
            stop,
            step,
            List.of(),
            List.of(),
            outputs,
            solver,
            Duration.ofSeconds(60),
            Map.of());
    return new SimulationJob(AccountId.random(), fmu, plan);
  }

  private static SimulationResult engine(SimulationJob job) {
    return InProcess.run(job.fmu().archive(), job.fmu().description(), job.plan());
  }

  private static double[] reals(SimulationResult result, String name) {
    return ((Column.Real) result.column(name).orElseThrow()).values();
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
