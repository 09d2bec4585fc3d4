package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs that cannot produce a result fail with a cause, a message and what the FMU said. */
class ModelErrorTest {

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aNegativeTimeConstantFailsInitializationWithTheFmusOwnExplanation(
      FmuInterface fmuInterface) {
    SimulationFailedException failure =
        fail(Plans.forModel("FirstOrderLag").on(fmuInterface).start("T", -1.0).outputs("y"));

    assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
    assertThat(failure.getMessage())
        .isEqualTo("the FMU reported an error in fmi2ExitInitializationMode at t=0");
    assertThat(failure.fmuLog()).containsExactly("[Error] logError: T must be positive, got -1");
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aNegativeGravityFailsInitializationAndTheTeardownComplaintsStayOutOfTheLog(
      FmuInterface fmuInterface) {
    SimulationFailedException failure =
        fail(Plans.forModel("BouncingBall").on(fmuInterface).start("g", -1.0).outputs("h"));

    assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
    assertThat(failure.fmuLog()).containsExactly("[Error] logError: g must be positive, got -1");
  }

  @Test
  void anIntegerOverflowInTheMiddleOfARunIsReportedAtItsTime() {
    SimulationFailedException failure =
        fail(
            Plans.forModel("AllTypes")
                .until(1, 0.1)
                .start("int_param", Integer.MAX_VALUE)
                .input("int_in", Interpolation.HOLD, new double[] {0, 0.5}, new double[] {0, 1})
                .outputs("int_out"));

    assertThat(failure.getMessage())
        .startsWith("the FMU reported an error in ")
        .endsWith(" at t=0.5");
    assertThat(failure.fmuLog()).anyMatch(line -> line.contains("does not fit an fmi2Integer"));
  }

  @Test
  void anFmi3DescriptionIsRefusedBeforeAnythingIsLoaded() {
    Plans plans = Plans.forModel("Counter").outputs("count");
    ModelDescription d = plans.description();
    ModelDescription fmi3 =
        new ModelDescription(
            "3.0",
            d.modelName(),
            d.guid(),
            d.description(),
            d.generationTool(),
            d.modelIdentifiers(),
            d.numberOfEventIndicators(),
            d.variables(),
            d.defaultExperiment(),
            ContinuousStates.unknown());

    SimulationFailedException failure =
        catchThrowableOfType(
            SimulationFailedException.class,
            () -> new SimulationEngine().run(LibraryFmus.archive("Counter"), fmi3, plans.build()));

    // The FMI 3.0 engine looks for binaries/x86_64-linux, which an FMI 2.0 archive does not have.
    assertThat(failure.getMessage()).startsWith("the FMU could not be loaded");
  }

  @Test
  void anArchiveEntryThatEscapesItsFolderIsRefused(@TempDir Path dir) throws IOException {
    Path evil = dir.resolve("evil.fmu");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
      zip.putNextEntry(new ZipEntry("../../escaped.txt"));
      zip.write("gotcha".getBytes());
    }
    Plans plans = Plans.forModel("Counter").outputs("count");

    SimulationFailedException failure =
        catchThrowableOfType(
            SimulationFailedException.class,
            () -> new SimulationEngine().run(evil, plans.description(), plans.build()));

    assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
    assertThat(failure.getMessage()).contains("outside its root folder: ../../escaped.txt");
  }

  @Test
  void anArchiveThatIsNotAZipFailsAsAModelError(@TempDir Path dir) throws IOException {
    Path garbage = dir.resolve("garbage.fmu");
    try (OutputStream out = Files.newOutputStream(garbage)) {
      out.write("not a zip".getBytes());
    }
    Plans plans = Plans.forModel("Counter").outputs("count");

    SimulationFailedException failure =
        catchThrowableOfType(
            SimulationFailedException.class,
            () -> new SimulationEngine().run(garbage, plans.description(), plans.build()));

    assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
    assertThat(failure.getMessage()).startsWith("the FMU archive cannot be unpacked");
  }

  @Test
  void aRunPastItsTimeoutStopsItselfWithTimeout() {
    SimulationFailedException failure =
        fail(
            Plans.forModel("VanDerPol")
                .on(FmuInterface.MODEL_EXCHANGE)
                .fixedStep(SolverKind.EULER, 1e-7)
                .until(1e6, 1e5)
                .timeout(Duration.ofMillis(200))
                .outputs("x0"));

    assertThat(failure.failureCause()).isEqualTo(Cause.TIMEOUT);
    assertThat(failure.getMessage()).isEqualTo("simulation exceeded its 0.2 s limit");
  }

  private static SimulationFailedException fail(Plans plans) {
    return catchThrowableOfType(SimulationFailedException.class, () -> Runs.run(plans));
  }
}
