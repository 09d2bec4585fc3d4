package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3NativeSteps;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

  private final SimulationEngine inC = new SimulationEngine(true);
  private final SimulationEngine fromJava = new SimulationEngine(false);

  @AfterEach
  void unloadTheFmus() { // each engine keeps its copies, unpacked in a temporary folder, for reuse
    inC.unloadIdleCopies();
    fromJava.unloadIdleCopies();
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

    SimulationResult result = sameBothWays(plans);

    assertThat(result.time()).hasSize(6);
    assertThat(result.steps()).isEqualTo(6);
  }

  @Test
  void aStepThatAsksToTerminateEndsTheRunThereEitherWay() {
    Plans plans = failing().start("terminate_at", 0.55);

    SimulationResult result = sameBothWays(plans);

    assertThat(result.time()).hasSize(6);
    assertThat(result.steps()).isEqualTo(6);
  }

  @Test
  void aFailedStepNamesTheCallEitherWay() {
    Plans plans = failing().start("fail_at", 0.55);
    long before = Fmi3NativeSteps.calls();

    for (SimulationEngine engine : new SimulationEngine[] {inC, fromJava}) {
      assertThatThrownBy(() -> run(engine, plans))
          .isInstanceOfSatisfying(
              SimulationFailedException.class,
              e -> {
                assertThat(e.failureCause()).isEqualTo(Cause.MODEL_ERROR);
                assertThat(e.getMessage()).contains("fmi3DoStep");
                assertThat(e.fmuLog())
                    .anySatisfy(line -> assertThat(line).contains("passes fail_at 0.55"));
              });
    }
    assertThat(Fmi3NativeSteps.calls()).isGreaterThan(before);
  }

  @Test
  void aFailedReadNamesTheCallEitherWayAndTheFmuIsNotReadAgain() {
    Plans plans = failing().start("fail_read_at", 0.55);
    long before = Fmi3NativeSteps.calls();

    List<SimulationFailedException> failures = new ArrayList<>();
    for (SimulationEngine engine : new SimulationEngine[] {inC, fromJava}) {
      Throwable thrown = catchThrowable(() -> run(engine, plans));
      assertThat(thrown).isInstanceOf(SimulationFailedException.class);
      failures.add((SimulationFailedException) thrown);
    }

    assertThat(Fmi3NativeSteps.calls()).isGreaterThan(before);
    for (SimulationFailedException failure : failures) {
      assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
      assertThat(failure.getMessage()).contains("fmi3GetFloat64");
      assertThat(failure.fmuLog())
          .anySatisfy(line -> assertThat(line).contains("passes fail_read_at 0.55"));
    }
    // After its error the FMU is called for nothing but to be freed: the same failure either way.
    assertThat(failures.get(0).getMessage()).isEqualTo(failures.get(1).getMessage());
    assertThat(failures.get(0).fmuLog()).isEqualTo(failures.get(1).fmuLog());
  }

  @Test
  void outputsThatAreNotAllFloat64ScalarsAreSteppedFromJava() {
    long before = Fmi3NativeSteps.calls();

    SimulationResult result = run(inC, plans("StateSpace3").until(1, 0.1).outputs("y"));

    assertThat(result.columns()).hasSizeGreaterThan(1); // y is an array
    assertThat(Fmi3NativeSteps.calls()).isEqualTo(before);
  }

  @Test
  void aRunPastItsTimeoutStopsInTheNativeLoop() {
    Plans endless =
        plans("BouncingBall3").until(100_000, 0.001).outputs().timeout(Duration.ofMillis(200));
    long before = Fmi3NativeSteps.calls();

    assertThatThrownBy(() -> run(inC, endless))
        .isInstanceOfSatisfying(
            SimulationFailedException.class,
            e -> assertThat(e.failureCause()).isEqualTo(Cause.TIMEOUT));
    assertThat(Fmi3NativeSteps.calls()).isGreaterThan(before);
  }

  private void same(String model, Function<Plans, Plans> plan) {
    Plans plans = plan.apply(plans(model));
    SimulationResult result = sameBothWays(plans);
    assertThat(result.time()).hasSize(plans.build().sampleCount());
  }

  /** Runs {@code plans} in C and from Java: the same result, and each run went its own way. */
  private SimulationResult sameBothWays(Plans plans) {
    long before = Fmi3NativeSteps.calls();
    SimulationResult native_ = run(inC, plans);
    long after = Fmi3NativeSteps.calls();
    SimulationResult java = run(fromJava, plans);

    assertThat(after).as("stepped in C").isGreaterThan(before);
    assertThat(Fmi3NativeSteps.calls()).as("stepped from Java").isEqualTo(after);
    assertThat(native_).isEqualTo(java);
    assertThat(native_.steps()).isEqualTo(java.steps());
    assertThat(native_.events()).isEqualTo(java.events());
    assertThat(native_.fmuLog()).isEqualTo(java.fmuLog());
    return native_;
  }

  private static Plans failing() {
    return Plans.forDescription(
            new FmuArchiveInspector().inspectNow(fixture("FailingStep3")).description())
        .on(FmuInterface.CO_SIMULATION)
        .until(1, 0.1)
        .outputs("clock");
  }

  private static Plans plans(String model) {
    return Plans.forDescription(new FmuArchiveInspector().inspectNow(library(model)).description())
        .on(FmuInterface.CO_SIMULATION);
  }

  private static SimulationResult run(SimulationEngine engine, Plans plans) {
    String model = plans.description().modelName();
    Path archive = model.equals("FailingStep3") ? fixture(model) : library(model);
    return engine.run(archive, plans.description(), plans.build());
  }

  private static Path library(String model) {
    return resource("/fmi/library3/" + model + ".fmu");
  }

  private static Path fixture(String model) {
    return resource("/fmi/hostile3/" + model + ".fmu");
  }

  private static Path resource(String path) {
    try {
      return Path.of(Fmi3NativeStepsTest.class.getResource(path).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
