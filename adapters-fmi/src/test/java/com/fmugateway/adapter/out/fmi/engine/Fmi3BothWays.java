package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * FMI 3.0 plans run by an engine that calls the FMU natively where it can ({@link #inC}) and by one
 * that makes every call from Java ({@link #fromJava}), for the tests that compare the two: the
 * native calls counted by the supplier given, which must move for the first and not the second.
 */
final class Fmi3BothWays {

  final SimulationEngine inC = new SimulationEngine(true);
  final SimulationEngine fromJava = new SimulationEngine(false);
  private final LongSupplier nativeCalls;

  Fmi3BothWays(LongSupplier nativeCalls) {
    this.nativeCalls = nativeCalls;
  }

  /** Each engine keeps its copies, unpacked in a temporary folder, for reuse: this drops them. */
  void unload() {
    inC.unloadIdleCopies();
    fromJava.unloadIdleCopies();
  }

  /** Runs {@code plans} both ways: the same result, and each run went its own way. */
  SimulationResult same(Plans plans) {
    long before = nativeCalls.getAsLong();
    SimulationResult native_ = run(inC, plans);
    long after = nativeCalls.getAsLong();
    SimulationResult java = run(fromJava, plans);

    assertThat(after).as("called natively").isGreaterThan(before);
    assertThat(nativeCalls.getAsLong()).as("called from Java").isEqualTo(after);
    assertThat(native_).isEqualTo(java);
    assertThat(native_.steps()).isEqualTo(java.steps());
    assertThat(native_.events()).isEqualTo(java.events());
    assertThat(native_.fmuLog()).isEqualTo(java.fmuLog());
    return native_;
  }

  /**
   * Runs {@code plans} both ways, natively at least in part: each fails as a model error naming
   * {@code call}, with {@code logged} in the FMU's log lines; returns the two failures, native
   * first.
   */
  List<SimulationFailedException> fails(Plans plans, String call, String logged) {
    long before = nativeCalls.getAsLong();
    List<SimulationFailedException> failures = new ArrayList<>();
    for (SimulationEngine engine : new SimulationEngine[] {inC, fromJava}) {
      Throwable thrown = catchThrowable(() -> run(engine, plans));
      assertThat(thrown).isInstanceOf(SimulationFailedException.class);
      failures.add((SimulationFailedException) thrown);
    }

    assertThat(nativeCalls.getAsLong()).isGreaterThan(before);
    for (SimulationFailedException failure : failures) {
      assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
      assertThat(failure.getMessage()).contains(call);
      assertThat(failure.fmuLog()).anySatisfy(line -> assertThat(line).contains(logged));
    }
    return failures;
  }

  /** A model's plans by {@code way}: a library model's, or a fixture's (see {@link #archive}). */
  static Plans plans(String model, FmuInterface way) {
    return Plans.forDescription(new FmuArchiveInspector().inspectNow(archive(model)).description())
        .on(way);
  }

  /** The FailingStep3 fixture's plans by {@code way}: 1 s at 0.1, its output {@code clock}. */
  static Plans failingStep3(FmuInterface way) {
    return plans("FailingStep3", way).until(1, 0.1).outputs("clock");
  }

  static SimulationResult run(SimulationEngine engine, Plans plans) {
    String model = plans.description().modelName();
    return engine.run(archive(model), plans.description(), plans.build());
  }

  /** The library model, or one of the test fixtures FailingStep3 and FailingJacobian3. */
  private static Path archive(String model) {
    boolean fixture = model.equals("FailingStep3") || model.equals("FailingJacobian3");
    String folder = fixture ? "/fmi/hostile3/" : "/fmi/library3/";
    try {
      return Path.of(Fmi3BothWays.class.getResource(folder + model + ".fmu").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
