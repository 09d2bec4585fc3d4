package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3NativeModelExchange;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FMI 3.0 model exchange placing and reading the FMU in one native call gives what one JNA call per
 * FMI call gives: the same samples, steps, events and log, and the same failure naming the same
 * call.
 */
class Fmi3NativeModelExchangeTest {

  private final SimulationEngine inC = new SimulationEngine(true);
  private final SimulationEngine fromJava = new SimulationEngine(false);

  @AfterEach
  void unloadTheFmus() { // each engine keeps its copies, unpacked in a temporary folder, for reuse
    inC.unloadIdleCopies();
    fromJava.unloadIdleCopies();
  }

  @Test
  void theBouncingBallsEventsAndSamplesAreTheSameEitherWay() {
    SimulationResult result = same(plans("BouncingBall3").until(3, 0.01).outputs("h", "v"));
    same(plans("BouncingBall3").until(3, 0.01).start("e", 0.5).outputs("h"));
    same(plans("BouncingBall3").until(1, 0.01).outputs()); // no output: nothing read at a sample

    assertThat(result.events()).isGreaterThan(3);
  }

  @Test
  void anArrayOutputIsTheSameEitherWay() {
    SimulationResult result = same(plans("StateSpace3").until(20, 0.01).outputs("y"));

    assertThat(result.columns()).hasSizeGreaterThan(1); // y is an array
  }

  @Test
  void aFailedReadNamesTheCallEitherWay() {
    Plans plans =
        Plans.forDescription(
                new FmuArchiveInspector().inspectNow(fixture("FailingStep3")).description())
            .on(FmuInterface.MODEL_EXCHANGE)
            .until(1, 0.1)
            .outputs("clock")
            .start("fail_read_at", 0.55);
    long before = Fmi3NativeModelExchange.calls();

    List<SimulationFailedException> failures = new ArrayList<>();
    for (SimulationEngine engine : new SimulationEngine[] {inC, fromJava}) {
      Throwable thrown = catchThrowable(() -> run(engine, plans));
      assertThat(thrown).isInstanceOf(SimulationFailedException.class);
      failures.add((SimulationFailedException) thrown);
    }

    assertThat(Fmi3NativeModelExchange.calls()).isGreaterThan(before);
    for (SimulationFailedException failure : failures) {
      assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
      assertThat(failure.getMessage()).contains("fmi3GetFloat64");
      assertThat(failure.fmuLog())
          .anySatisfy(line -> assertThat(line).contains("passes fail_read_at 0.55"));
    }
    assertThat(failures.get(0).getMessage()).isEqualTo(failures.get(1).getMessage());
    assertThat(failures.get(0).fmuLog()).isEqualTo(failures.get(1).fmuLog());
  }

  /** Runs {@code plans} both ways: the same result, and each run went its own way. */
  private SimulationResult same(Plans plans) {
    long before = Fmi3NativeModelExchange.calls();
    SimulationResult native_ = run(inC, plans);
    long after = Fmi3NativeModelExchange.calls();
    SimulationResult java = run(fromJava, plans);

    assertThat(after).as("called natively").isGreaterThan(before);
    assertThat(Fmi3NativeModelExchange.calls()).as("called from Java").isEqualTo(after);
    assertThat(native_).isEqualTo(java);
    assertThat(native_.steps()).isEqualTo(java.steps());
    assertThat(native_.events()).isEqualTo(java.events());
    assertThat(native_.fmuLog()).isEqualTo(java.fmuLog());
    assertThat(native_.time()).hasSize(plans.build().sampleCount());
    return native_;
  }

  private static Plans plans(String model) {
    return Plans.forDescription(new FmuArchiveInspector().inspectNow(library(model)).description())
        .on(FmuInterface.MODEL_EXCHANGE);
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
      return Path.of(Fmi3NativeModelExchangeTest.class.getResource(path).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
