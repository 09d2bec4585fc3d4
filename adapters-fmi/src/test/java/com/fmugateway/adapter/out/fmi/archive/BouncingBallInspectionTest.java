package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Initial;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The real BouncingBall.fmu our build compiles from src/main/c, read end to end. */
class BouncingBallInspectionTest {

  private static final Path BOUNCING_BALL = library("BouncingBall.fmu");

  private final FmuArchiveInspector inspector = new FmuArchiveInspector();

  @TempDir Path folder;

  @Test
  void givenBouncingBall_inspectNow_readsItsWholeDescription() {
    InspectedFmu inspected = inspector.inspectNow(BOUNCING_BALL);
    ModelDescription description = inspected.description();

    assertThat(inspected.platforms()).containsExactly("linux64");
    assertThat(description.fmiVersion()).isEqualTo("2.0");
    assertThat(description.modelName()).isEqualTo("BouncingBall");
    assertThat(description.guid()).isEqualTo("{3480c971-100c-4c7e-86e8-f3ab3263d430}");
    assertThat(description.description()).get().asString().startsWith("A ball falls");
    assertThat(description.generationTool()).contains("FMU Gateway model library");
    assertThat(description.numberOfEventIndicators()).isEqualTo(1);
    assertThat(description.modelIdentifiers())
        .isEqualTo(
            Map.of(
                FmuInterface.MODEL_EXCHANGE, "BouncingBall",
                FmuInterface.CO_SIMULATION, "BouncingBall"));
    assertThat(description.defaultExperiment())
        .isEqualTo(
            new DefaultExperiment(
                OptionalDouble.of(0),
                OptionalDouble.of(3),
                OptionalDouble.of(1e-6),
                OptionalDouble.of(0.01)));
    assertThat(description.variables())
        .extracting(ModelVariable::name)
        .containsExactly("h", "der(h)", "v", "der(v)", "g", "e");
  }

  @Test
  void givenBouncingBall_inspectNow_readsEachVariableInFull() {
    ModelDescription description = inspector.inspectNow(BOUNCING_BALL).description();

    assertThat(description.variable("h").orElseThrow())
        .isEqualTo(
            new ModelVariable(
                "h",
                0,
                VariableType.REAL,
                Causality.OUTPUT,
                Variability.CONTINUOUS,
                Optional.of(Initial.EXACT),
                Optional.of("1"),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.of("m"),
                Optional.of("Height of the ball above the ground"),
                OptionalInt.empty()));
    ModelVariable dv = description.variable("der(v)").orElseThrow();
    assertThat(dv.derivativeOf()).isEqualTo(OptionalInt.of(3));
    assertThat(dv.unit()).contains("m/s2");
    assertThat(dv.initial()).contains(Initial.CALCULATED);
    ModelVariable e = description.variable("e").orElseThrow();
    assertThat(e.causality()).isEqualTo(Causality.PARAMETER);
    assertThat(e.variability()).isEqualTo(Variability.FIXED);
    assertThat(e.min()).isEqualTo(OptionalDouble.of(0));
    assertThat(e.max()).isEqualTo(OptionalDouble.of(1));
    assertThat(e.unit()).isEmpty();
    assertThat(description.outputs()).extracting(ModelVariable::name).containsExactly("h", "v");
  }

  @Test
  void givenBouncingBall_inspect_emitsTheSameDescription() {
    StepVerifier.create(inspector.inspect(BOUNCING_BALL))
        .assertNext(
            inspected -> assertThat(inspected).isEqualTo(inspector.inspectNow(BOUNCING_BALL)))
        .verifyComplete();
  }

  @Test
  void givenInvalidArchive_inspect_errorsWithInvalidFmu() {
    Path text = TestFmu.write("hello".getBytes(), folder);

    StepVerifier.create(inspector.inspect(text))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidFmuException.class)
                    .hasMessageStartingWith("The upload is not a zip archive"))
        .verify();
  }

  @Test
  void givenAScheduler_inspect_doesItsBlockingWorkThere() {
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Scheduler counting =
          Schedulers.fromExecutor(
              task -> {
                tasks.incrementAndGet();
                pool.execute(task);
              });
      FmuArchiveInspector onPool = new FmuArchiveInspector(ArchiveLimits.defaults(), counting);

      StepVerifier.create(onPool.inspect(BOUNCING_BALL)).expectNextCount(1).verifyComplete();

      assertThat(tasks).hasPositiveValue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenMissingFile_inspectNow_failsAsAnIoProblemNotAsTheUsersFault() {
    assertThatThrownBy(() -> inspector.inspectNow(folder.resolve("gone.fmu")))
        .isInstanceOf(UncheckedIOException.class);
  }

  private static Path library(String fileName) {
    try {
      return Path.of(
          BouncingBallInspectionTest.class.getResource("/fmi/library/" + fileName).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
