package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.indexOf;
import static com.fmugateway.adapter.out.fmi.engine.Runs.integers;
import static com.fmugateway.adapter.out.fmi.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Counter's time events (count += 1 at every multiple of period) land exactly on time. */
class CounterTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("interfacesAndSolvers")
  void countChangesExactlyAtEachMultipleOfThePeriodAndIsSampledAfterTheEvent(
      String name, Plans plans) {
    SimulationResult result = run(plans.until(3, 0.01).outputs("count"));
    int[] count = integers(result, "count");

    assertThat(count[indexOf(result, 0.99)]).isZero();
    assertThat(count[indexOf(result, 1.0)]).isEqualTo(1);
    assertThat(count[indexOf(result, 1.99)]).isEqualTo(1);
    assertThat(count[indexOf(result, 2.5)]).isEqualTo(2);
    assertThat(count[indexOf(result, 3.0)]).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void modelExchangeHandlesOneEventPerPeriodWhateverTheSolver(SolverKind kind) {
    SimulationResult result =
        run(
            Plans.forModel("Counter")
                .on(FmuInterface.MODEL_EXCHANGE)
                .solver(kind, 1e-6, 1e-8)
                .until(3, 0.01)
                .outputs("count"));

    assertThat(result.events()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interfacesAndSolvers")
  void aPeriodThatIsNotOnTheOutputGridStillCountsAtTheRightSamples(String name, Plans plans) {
    SimulationResult result = run(plans.start("period", 0.35).until(1, 0.1).outputs("count"));

    // Events at 0.35 and 0.7 fall between samples: 0.3 → 0, 0.4 → 1, 0.7 → 2 (event at the sample).
    assertThat(integers(result, "count")).containsExactly(0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2);
  }

  static Stream<Arguments> interfacesAndSolvers() {
    Stream<Arguments> coSimulation =
        Stream.of(
            Arguments.of(
                "co-simulation", Plans.forModel("Counter").on(FmuInterface.CO_SIMULATION)));
    Stream<Arguments> modelExchange =
        Stream.of(SolverKind.values())
            .map(
                kind ->
                    Arguments.of(
                        "model exchange, " + kind,
                        Plans.forModel("Counter")
                            .on(FmuInterface.MODEL_EXCHANGE)
                            .solver(kind, 1e-6, 1e-8)));
    return Stream.concat(coSimulation, modelExchange);
  }
}
