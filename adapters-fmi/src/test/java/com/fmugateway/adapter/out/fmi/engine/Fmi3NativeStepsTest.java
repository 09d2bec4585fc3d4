package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.fmi.fmi3.Fmi3NativeSteps;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FMI 3.0 co-simulation stepped in C gives what stepping from Java gives: the same samples, steps,
 * events and log, the same end at a discarded step or a request to terminate, the same failure
 * naming the same call; a run it cannot take steps from Java; a run past its timeout stops in C.
 */
class Fmi3NativeStepsTest {

  private final Fmi3BothWays bothWays = new Fmi3BothWays(Fmi3NativeSteps::calls);

  @AfterEach
  void unloadTheFmus() {
    bothWays.unload();
  }

  @Test
  void theBouncingBallGivesTheSameResultEitherWay() {
    same("BouncingBall3", plans -> plans.until(3, 0.01).outputs("h", "v"));
    same("BouncingBall3", plans -> plans.until(3, 0.01).start("e", 0.5).outputs("h"));
    // Sample times that no step size adds up to exactly: the steps land on them all the same.
    same("BouncingBall3", plans -> plans.until(1, 0.3).outputs("v"));
    // More samples than one native call takes, and no output at all.
    same("BouncingBall3", plans -> plans.until(3, 3.0 / (3 * CoSimulationRunner.CHUNK)));
    same("BouncingBall3", plans -> plans.until(1, 0.01).outputs());
  }

  @Test
  void aDiscardedStepEndsTheRunAtItsLastSampleEitherWay() {
    Plans plans = failing().start("fail_at", 0.55).start("discard", 1.0);

    SimulationResult result = bothWays.same(plans);

    assertThat(result.time()).hasSize(6);
    assertThat(result.steps()).isEqualTo(6);
  }

  @Test
  void aStepThatAsksToTerminateEndsTheRunThereEitherWay() {
    Plans plans = failing().start("terminate_at", 0.55);

    SimulationResult result = bothWays.same(plans);

    assertThat(result.time()).hasSize(6);
    assertThat(result.steps()).isEqualTo(6);
  }

  @Test
  void aFailedStepNamesTheCallEitherWay() {
    bothWays.fails(failing().start("fail_at", 0.55), "fmi3DoStep", "passes fail_at 0.55");
  }

  @Test
  void aFailedReadNamesTheCallEitherWayAndTheFmuIsNotReadAgain() {
    List<SimulationFailedException> failures =
        bothWays.fails(
            failing().start("fail_read_at", 0.55), "fmi3GetFloat64", "passes fail_read_at 0.55");

    // After its error the FMU is called for nothing but to be freed: the same failure either way.
    assertThat(failures.get(0).getMessage()).isEqualTo(failures.get(1).getMessage());
    assertThat(failures.get(0).fmuLog()).isEqualTo(failures.get(1).fmuLog());
  }

  @Test
  void arrayOutputsStepInCAndGiveTheSameResultEitherWay() {
    same("StateSpace3", plans -> plans.until(20, 0.01).outputs("y"));
    // More samples than one native call takes, three values each.
    same("StateSpace3", plans -> plans.until(3, 3.0 / (3 * CoSimulationRunner.CHUNK)).outputs("y"));

    SimulationResult result =
        Fmi3BothWays.run(bothWays.inC, plans("StateSpace3").until(1, 0.1).outputs("y"));
    assertThat(result.columns()).hasSize(3); // y is an array of three
  }

  @Test
  void outputsThatAreNotAllFloat64AreSteppedFromJava() {
    Plans plans = plans("Feedthrough3").until(1, 0.1).outputs("Float64_output", "Int32_output");
    long before = Fmi3NativeSteps.calls();

    SimulationResult result = Fmi3BothWays.run(bothWays.inC, plans);

    assertThat(Fmi3NativeSteps.calls()).isEqualTo(before);
    assertThat(result).isEqualTo(Fmi3BothWays.run(bothWays.fromJava, plans));
    assertThat(result.time()).hasSize(11);
  }

  @Test
  void aRunPastItsTimeoutStopsInTheNativeLoop() {
    Plans endless =
        plans("BouncingBall3").until(100_000, 0.001).outputs().timeout(Duration.ofMillis(200));
    long before = Fmi3NativeSteps.calls();

    assertThatThrownBy(() -> Fmi3BothWays.run(bothWays.inC, endless))
        .isInstanceOfSatisfying(
            SimulationFailedException.class,
            e -> assertThat(e.failureCause()).isEqualTo(Cause.TIMEOUT));
    assertThat(Fmi3NativeSteps.calls()).isGreaterThan(before);
  }

  private void same(String model, Function<Plans, Plans> plan) {
    Plans plans = plan.apply(plans(model));
    SimulationResult result = bothWays.same(plans);
    assertThat(result.time()).hasSize(plans.build().sampleCount());
  }

  private static Plans failing() {
    return Fmi3BothWays.failingStep3(FmuInterface.CO_SIMULATION);
  }

  private static Plans plans(String model) {
    return Fmi3BothWays.plans(model, FmuInterface.CO_SIMULATION);
  }
}
