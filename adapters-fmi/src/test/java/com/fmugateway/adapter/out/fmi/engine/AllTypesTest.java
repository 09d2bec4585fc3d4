package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Start values of every FMI type, on parameters and inputs, reach AllTypes' outputs. */
class AllTypesTest {

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void startValuesOfEveryTypeReachTheOutputsInEverySample(FmuInterface fmuInterface) {
    SimulationResult result =
        run(
            Plans.forModel("AllTypes")
                .on(fmuInterface)
                .until(0.2, 0.1)
                .start("real_in", 1.5)
                .start("real_param", -4.0)
                .start("int_in", 7)
                .start("int_param", -2)
                .start("bool_in", true)
                .start("bool_param", false)
                .start("string_in", "wörld")
                .start("string_param", "héllo")
                .outputs("real_out", "int_out", "bool_out", "string_out"));

    assertThat(result.columns())
        .containsExactly(
            new Column.Real("real_out", new double[] {-6, -6, -6}),
            new Column.Integer("int_out", new int[] {5, 5, 5}),
            new Column.Bool("bool_out", new boolean[] {true, true, true}),
            new Column.Text("string_out", List.of("héllo wörld", "héllo wörld", "héllo wörld")));
  }

  @ParameterizedTest
  @EnumSource(
      value = FmuInterface.class,
      names = {"CO_SIMULATION", "MODEL_EXCHANGE"})
  void withoutStartValuesTheOutputsFollowTheModelDescriptionDefaults(FmuInterface fmuInterface) {
    SimulationResult result =
        run(
            Plans.forModel("AllTypes")
                .on(fmuInterface)
                .until(0.1, 0.1)
                .outputs("real_out", "int_out", "bool_out", "string_out"));

    assertThat(result.column("real_out").orElseThrow().valueAt(1)).isEqualTo(0.0);
    assertThat(result.column("int_out").orElseThrow().valueAt(1)).isEqualTo(3);
    assertThat(result.column("bool_out").orElseThrow().valueAt(1)).isEqualTo(true);
    assertThat(result.column("string_out").orElseThrow().valueAt(1)).isEqualTo("hello ");
  }
}
