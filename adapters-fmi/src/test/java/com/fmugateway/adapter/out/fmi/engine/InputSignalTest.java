package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.integers;
import static com.fmugateway.adapter.out.fmi.engine.Runs.reals;
import static com.fmugateway.adapter.out.fmi.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input signals reach the FMU as interpolated: AllTypes passes its inputs straight to its outputs
 * (real_out = 2 real_in, int_out = int_in + 3, bool_out = not bool_in), so each sample shows the
 * input value at that time; FirstOrderLag shows when a held input jumps between samples.
 */
class InputSignalTest {

  private static final double[] TIMES = {0, 0.25, 0.5};

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aHeldRealInputKeepsEachValueUntilTheNextSampleOfTheSignal(FmuInterface fmuInterface) {
    SimulationResult result =
        run(
            allTypes(fmuInterface)
                .input("real_in", Interpolation.HOLD, TIMES, new double[] {1, 2, 3}));

    assertThat(reals(result, "real_out")).containsExactly(2, 2, 2, 4, 4, 6, 6, 6);
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aLinearRealInputIsReadOnTheLineAtEverySampleTime(FmuInterface fmuInterface) {
    SimulationResult result =
        run(
            allTypes(fmuInterface)
                .input("real_in", Interpolation.LINEAR, TIMES, new double[] {0, 1, 3}));

    // 0, 0.4, 0.8 on the first line; 1.4, 2.2, 3 on the second; then held at 3; all times 2.
    assertThat(reals(result, "real_out"))
        .containsExactly(new double[] {0, 0.8, 1.6, 2.8, 4.4, 6, 6, 6}, within(1e-12));
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void heldIntegerAndBooleanInputsChangeTheirDiscreteOutputsAtTheSignalSamples(
      FmuInterface fmuInterface) {
    SimulationResult result =
        run(
            allTypes(fmuInterface)
                .input("int_in", Interpolation.HOLD, TIMES, List.of(10, 20, 30))
                .input("bool_in", Interpolation.HOLD, TIMES, List.of(false, true, false)));

    assertThat(integers(result, "int_out")).containsExactly(13, 13, 13, 23, 23, 33, 33, 33);
    assertThat(((Column.Bool) result.column("bool_out").orElseThrow()).values())
        .containsExactly(true, true, true, false, false, true, true, true);
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aHeldStringInputReachesItsOutputAtTheSignalSamples(FmuInterface fmuInterface) {
    // string_out = string_param ("hello"), a space, then string_in.
    SimulationResult result =
        run(
            Plans.forModel("AllTypes")
                .on(fmuInterface)
                .until(0.7, 0.1)
                .input("string_in", Interpolation.HOLD, TIMES, List.of("a", "b", "c"))
                .outputs("string_out"));

    assertThat(((Column.Text) result.column("string_out").orElseThrow()).values())
        .containsExactly(
            "hello a", "hello a", "hello a", "hello b", "hello b", "hello c", "hello c", "hello c");
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aHeldInputStepBetweenTwoOutputTimesActsExactlyAtItsOwnTime(FmuInterface fmuInterface) {
    // u steps from 0 to 1 at t = 0.25, between the samples at 0.2 and 0.3: y = 1 - exp(-(t -
    // 0.25)).
    SimulationResult result =
        run(
            Plans.forModel("FirstOrderLag")
                .on(fmuInterface)
                .solver(SolverKind.DORMAND_PRINCE, 1e-8, 1e-10)
                .until(1, 0.1)
                .input("u", Interpolation.HOLD, new double[] {0, 0.25}, new double[] {0, 1})
                .outputs("y"));

    double[] y = reals(result, "y");
    for (int i = 0; i < y.length; i++) {
      double t = result.time()[i];
      double expected = t <= 0.25 ? 0 : 1 - Math.exp(-(t - 0.25));
      assertThat(y[i]).as("y at t=%s", t).isCloseTo(expected, within(1e-8));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void aLinearInputDrivesModelExchangeAlongTheLineAndCoSimulationAsAStaircase(
      FmuInterface fmuInterface) {
    // u = t: y' = t - y, y(0) = 0, so y = t - 1 + exp(-t) when the FMU sees the line itself.
    SimulationResult result =
        run(
            Plans.forModel("FirstOrderLag")
                .on(fmuInterface)
                .solver(SolverKind.DORMAND_PRINCE, 1e-10, 1e-12)
                .until(2, 0.1)
                .input("u", Interpolation.LINEAR, new double[] {0, 10}, new double[] {0, 10})
                .outputs("y"));

    double[] y = reals(result, "y");
    double staircase = 0; // co-simulation holds u at its value at each communication point
    for (int i = 1; i < y.length; i++) {
      double t = result.time()[i];
      double held = result.time()[i - 1];
      staircase = held + (staircase - held) * Math.exp(-(t - held));
      double expected =
          fmuInterface == FmuInterface.MODEL_EXCHANGE ? t - 1 + Math.exp(-t) : staircase;
      assertThat(y[i]).as("y at t=%s", t).isCloseTo(expected, within(1e-9));
    }
  }

  private static Plans allTypes(FmuInterface fmuInterface) {
    return Plans.forModel("AllTypes")
        .on(fmuInterface)
        .until(0.7, 0.1)
        .outputs("real_out", "int_out", "bool_out");
  }
}
