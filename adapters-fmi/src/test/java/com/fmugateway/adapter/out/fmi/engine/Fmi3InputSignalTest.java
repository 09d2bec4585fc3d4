package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.reals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Typed input signals on the built-in FMI 3.0 models: Feedthrough3 copies each input to an output
 * of its type, so every sample shows the exact value fed at that time; StateSpace3 takes its array
 * input u[2], shown through its feedthrough matrix D.
 */
class Fmi3InputSignalTest {

  private static final SimulationEngine ENGINE = TestEngine.SHARED;
  private static final double[] TIMES = {0, 0.5};

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void heldInt64UInt64BooleanAndBinarySignals_reachTheOutputsExactlyAtTheirTimes(
      FmuInterface fmuInterface) {
    Plans plans =
        plans("Feedthrough3", fmuInterface)
            .until(1, 0.25)
            .input("Int64_input", Interpolation.HOLD, TIMES, List.of(9007199254740993L, -2L))
            .input("UInt64_input", Interpolation.HOLD, TIMES, List.of(7L, -1L))
            .input("Boolean_input", Interpolation.HOLD, TIMES, List.of(false, true))
            .input("Binary_input", Interpolation.HOLD, TIMES, List.of("cafe", "00ff"))
            .outputs("Int64_output", "UInt64_output", "Boolean_output", "Binary_output");

    SimulationResult result = run(plans, "Feedthrough3");

    assertThat(values(result, "Int64_output"))
        .containsExactly(9007199254740993L, 9007199254740993L, -2L, -2L, -2L);
    assertThat(values(result, "UInt64_output").stream().map(Object::toString))
        .containsExactly(
            "7", "7", "18446744073709551615", "18446744073709551615", "18446744073709551615");
    assertThat(values(result, "Boolean_output")).containsExactly(false, false, true, true, true);
    assertThat(values(result, "Binary_output"))
        .containsExactly("cafe", "cafe", "00ff", "00ff", "00ff");
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void anArraySignal_drivesStateSpace3ElementByElement(FmuInterface fmuInterface) {
    // A = 0, C = 0 and D = [1 0; 0 1; 1 1]: y = (u1, u2, u1 + u2), whatever the states do.
    Plans plans =
        plans("StateSpace3", fmuInterface)
            .solver(SolverKind.DORMAND_PRINCE, 1e-8, 1e-10)
            .until(1, 0.25)
            .start("C", List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
            .start("D", List.of(1.0, 0.0, 0.0, 1.0, 1.0, 1.0))
            .input(
                "u",
                Interpolation.LINEAR,
                new double[] {0, 1},
                List.of(List.of(0.0, 4.0), List.of(2.0, 0.0)))
            .outputs("y");

    SimulationResult result = run(plans, "StateSpace3");

    assertThat(reals(result, "y[1]"))
        .containsExactly(new double[] {0, 0.5, 1, 1.5, 2}, within(1e-12));
    assertThat(reals(result, "y[2]")).containsExactly(new double[] {4, 3, 2, 1, 0}, within(1e-12));
    assertThat(reals(result, "y[3]"))
        .containsExactly(new double[] {4, 3.5, 3, 2.5, 2}, within(1e-12));
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aHeldArraySignal_drivesTheStatesOfStateSpace3(FmuInterface fmuInterface) {
    // u = (2, 0) from t = 0: x1' = -x1 + 2 from x1(0) = 1, so y1 = x1 = 2 - exp(-t).
    Plans plans =
        plans("StateSpace3", fmuInterface)
            .solver(SolverKind.DORMAND_PRINCE, 1e-8, 1e-10)
            .until(1, 0.5)
            .input("u", Interpolation.HOLD, new double[] {0}, List.of(List.of(2.0, 0.0)))
            .outputs("y");

    SimulationResult result = run(plans, "StateSpace3");

    double[] y1 = reals(result, "y[1]");
    for (int i = 0; i < y1.length; i++) {
      double t = result.time()[i];
      assertThat(y1[i]).as("y1 at t=%s", t).isCloseTo(2 - Math.exp(-t), within(1e-3));
    }
  }

  private static List<Object> values(SimulationResult result, String name) {
    Column column = result.column(name).orElseThrow();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < result.time().length; i++) {
      values.add(column.valueAt(i));
    }
    return values;
  }

  private static Plans plans(String model, FmuInterface fmuInterface) {
    return Plans.forDescription(description(model)).on(fmuInterface);
  }

  private static SimulationResult run(Plans plans, String model) {
    return ENGINE.run(library(model), plans.description(), plans.build());
  }

  private static ModelDescription description(String model) {
    return new FmuArchiveInspector().inspectNow(library(model)).description();
  }

  private static Path library(String model) {
    try {
      return Path.of(
          Fmi3InputSignalTest.class.getResource("/fmi/library3/" + model + ".fmu").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
