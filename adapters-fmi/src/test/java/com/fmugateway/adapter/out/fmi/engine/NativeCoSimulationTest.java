package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Co-simulation stepped in C, on an instance made with our own logger ({@link NativeFmi2Log}),
 * gives what stepping from Java on an instance FMI4j made gives: the same samples, steps, events
 * and log, the same failures naming the same call and time, and the same timeout.
 */
class NativeCoSimulationTest {

  private final SimulationEngine inC = new SimulationEngine(true);
  private final SimulationEngine fromJava = new SimulationEngine(false);

  @Test
  void theNativeLoopIsBuiltAndLoads() {
    assertThat(NativeCoSimulation.available()).isTrue();
  }

  @Test
  void libraryModels_giveTheSameResultEitherWay() {
    same("BouncingBall", plans -> plans.until(3, 0.01).outputs("h", "v"));
    assertThat(run(inC, Plans.forModel("BouncingBall").on(FmuInterface.CO_SIMULATION)).fmuLog())
        .as("BouncingBall logs its bounces, so the logs compared above are not empty")
        .anySatisfy(line -> assertThat(line).startsWith("[OK] logEvents: ball bounces at t="));
    same("BouncingBall", plans -> plans.until(3, 0.01).start("e", 0.5).outputs("h"));
    same("FirstOrderLag", plans -> plans.until(5, 0.01).start("y0", 1.0).outputs("y"));
    same("MassSpringDamper", plans -> plans.until(2, 0.001));
    // Sample times that no step size adds up to exactly: the steps land on them all the same.
    same("BouncingBall", plans -> plans.until(1, 0.3).outputs("h"));
    // More samples than one native call takes.
    same("FirstOrderLag", plans -> plans.until(10, 10.0 / (3 * CoSimulationRunner.CHUNK)));
  }

  @Test
  void aDiscardedStep_endsTheRunAtItsLastSample_eitherWay() {
    Plans plans = failing().until(1, 0.1).start("fail_at", 0.55).start("discard", 1.0);

    SimulationResult result = run(inC, plans);

    assertThat(result).isEqualTo(run(fromJava, plans));
    assertThat(result.time()).hasSize(6);
    assertThat(result.steps()).isEqualTo(6);
  }

  @Test
  void aFailedStep_namesTheCallAndItsTime_eitherWay() {
    Plans plans = failing().until(1, 0.1).start("fail_at", 0.55);

    for (SimulationEngine engine : new SimulationEngine[] {inC, fromJava}) {
      assertThatThrownBy(() -> run(engine, plans))
          .isInstanceOfSatisfying(
              SimulationFailedException.class,
              e -> {
                assertThat(e.failureCause()).isEqualTo(Cause.MODEL_ERROR);
                assertThat(e.getMessage()).contains("fmi2DoStep").contains("0.5");
                assertThat(e.fmuLog())
                    .anySatisfy(line -> assertThat(line).contains("passes fail_at 0.55"));
              });
    }
  }

  @Test
  void aRunPastItsTimeout_stopsInTheNativeLoop() {
    Plans endless =
        Plans.forModel("BouncingBall")
            .on(FmuInterface.CO_SIMULATION)
            .until(100_000, 0.001)
            .outputs()
            .timeout(Duration.ofMillis(200));

    assertThatThrownBy(() -> run(inC, endless))
        .isInstanceOfSatisfying(
            SimulationFailedException.class,
            e -> assertThat(e.failureCause()).isEqualTo(Cause.TIMEOUT));
  }

  @Test
  void modelExchange_givesTheSameResultAndLog_withOurCallsAndLoggerOrFmi4js() {
    sameByModelExchange(Plans.forModel("BouncingBall").until(3, 0.01).outputs("h"));
    sameByModelExchange(Plans.forModel("VanDerPol").until(20, 0.01));
    sameByModelExchange(Plans.forModel("Robertson").until(10, 0.1));
  }

  @Test
  void aStepEventOrATerminationAskedForByACompletedStep_isTheSameEitherWay() {
    // The Rosenbrock method integrates to each output time, so steps end every 0.1 s.
    Plans stepEvent = failing().on(FmuInterface.MODEL_EXCHANGE).until(1, 0.1);
    Plans termination = failing().on(FmuInterface.MODEL_EXCHANGE).until(1, 0.1);
    stepEvent.start("step_event_at", 0.35).solver(SolverKind.ROSENBROCK, 1e-6, 1e-8);
    termination.start("terminate_at", 0.55).solver(SolverKind.ROSENBROCK, 1e-6, 1e-8);

    sameBothWays(stepEvent, NativeModelExchange::calls);
    sameBothWays(termination, NativeModelExchange::calls);
    SimulationResult evented = run(inC, stepEvent);
    double[] times = run(inC, termination).time();

    assertThat(evented.events()).as("the step event, handled once").isOne();
    assertThat(evented.time()).hasSize(11);
    assertThat(times).hasSizeLessThan(11);
    assertThat(times[times.length - 1])
        .as("the run ends at the step that asked to terminate")
        .isGreaterThan(0.55)
        .isLessThan(1);
  }

  @Test
  void theRosenbrockMethodsJacobian_comesFromOneNativeCallOrColumnByColumnThroughJna() {
    // The description as uploads read it: it offers the directional derivatives.
    Plans robertson =
        Plans.forDescription(LibraryFmus.inspected("Robertson"))
            .on(FmuInterface.MODEL_EXCHANGE)
            .until(40, 0.4)
            .solver(SolverKind.ROSENBROCK, 1e-6, 1e-10);
    long before = Fmi2DirectionalDerivative.nativeCalls();

    SimulationResult ours = run(inC, robertson);
    long after = Fmi2DirectionalDerivative.nativeCalls();
    SimulationResult fmi4js = run(fromJava, robertson);

    assertThat(ours.solverStatistics().orElseThrow().jacobian())
        .contains(JacobianSource.DIRECTIONAL_DERIVATIVES);
    assertThat(after - before)
        .as("one native call per Jacobian")
        .isEqualTo(ours.solverStatistics().orElseThrow().jacobianEvaluations());
    assertThat(Fmi2DirectionalDerivative.nativeCalls()).as("through JNA").isEqualTo(after);
    assertThat(ours).isEqualTo(fmi4js);
    assertThat(ours.steps()).isEqualTo(fmi4js.steps());
  }

  private void sameByModelExchange(Plans forModel) {
    sameBothWays(forModel.on(FmuInterface.MODEL_EXCHANGE), NativeModelExchange::calls);
  }

  private void same(String model, Function<Plans, Plans> plan) {
    sameBothWays(
        plan.apply(Plans.forModel(model).on(FmuInterface.CO_SIMULATION)),
        NativeCoSimulation::calls);
  }

  /**
   * Runs {@code plans} with our native code (its calls counted by {@code nativeCalls}) and with
   * FMI4j's: the same result and log, and each run went the way it should.
   */
  private void sameBothWays(Plans plans, LongSupplier nativeCalls) {
    String model = plans.description().modelName();
    long before = NativeFmi2Log.instantiations();
    long callsBefore = nativeCalls.getAsLong();
    SimulationResult ours = run(inC, plans);
    long after = NativeFmi2Log.instantiations();
    long callsAfter = nativeCalls.getAsLong();
    SimulationResult fmi4js = run(fromJava, plans);

    assertThat(after).as(model + ": instantiated with our logger").isEqualTo(before + 1);
    assertThat(callsAfter).as(model + ": called in C").isGreaterThan(callsBefore);
    assertThat(NativeFmi2Log.instantiations()).as(model + ": by FMI4j").isEqualTo(after);
    assertThat(nativeCalls.getAsLong()).as(model + ": through FMI4j").isEqualTo(callsAfter);
    assertThat(ours).as(model).isEqualTo(fmi4js);
    assertThat(ours.fmuLog()).as(model).isEqualTo(fmi4js.fmuLog());
    assertThat(ours.steps()).as(model).isEqualTo(fmi4js.steps());
    if (model.equals("BouncingBall")) {
      assertThat(ours.fmuLog()).as("the bounces are logged").isNotEmpty();
    }
  }

  private static Plans failing() {
    return Plans.forDescription(new FmuArchiveInspector().inspectNow(fixture()).description())
        .on(FmuInterface.CO_SIMULATION)
        .outputs("clock");
  }

  private static SimulationResult run(SimulationEngine engine, Plans plans) {
    String model = plans.description().modelName();
    Path archive = model.equals("FailingStep") ? fixture() : LibraryFmus.archive(model);
    return engine.run(archive, plans.description(), plans.build());
  }

  private static Path fixture() {
    try {
      return Path.of(
          NativeCoSimulationTest.class.getResource("/fmi/hostile/FailingStep.fmu").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
