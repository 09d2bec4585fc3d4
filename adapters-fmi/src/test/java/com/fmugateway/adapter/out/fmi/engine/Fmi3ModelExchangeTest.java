package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.reals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.SolverStatistics;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FMI 3.0 model exchange through the engine: our own master integrates the built-in FMI 3.0 models
 * as it does their FMI 2.0 twins, with the same solvers and the same results.
 */
class Fmi3ModelExchangeTest {

  private static final SimulationEngine ENGINE = TestEngine.SHARED;
  private static final double G = 9.81;

  @Test
  void givenBouncingBall3_modelExchange_bouncesAtTheImpactsOfTheFmi2Ball() {
    SimulationResult fmi3 =
        run(ball3().solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8), "BouncingBall3");
    SimulationResult fmi2 =
        Runs.run(
            Plans.forModel("BouncingBall")
                .on(FmuInterface.MODEL_EXCHANGE)
                .until(3, 0.01)
                .outputs("h", "v")
                .solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8));

    List<Double> impacts3 = impacts(fmi3);
    List<Double> impacts2 = impacts(fmi2);
    assertThat(impacts3).hasSize(new BouncingBallAnalytic(1, G, 0.7, 3).impacts().size());
    assertThat(impacts3).hasSameSizeAs(impacts2);
    for (int k = 0; k < impacts3.size(); k++) {
      assertThat(impacts3.get(k)).as("impact %d", k + 1).isCloseTo(impacts2.get(k), within(1e-6));
    }
    assertThat(fmi3.events()).isEqualTo(fmi2.events());
    double[] h = reals(fmi3, "h");
    double[] h2 = reals(fmi2, "h");
    for (int i = 0; i < h.length; i++) {
      assertThat(h[i]).as("h at t=%s", fmi3.time()[i]).isGreaterThanOrEqualTo(-1e-8);
      assertThat(h[i]).as("h at t=%s", fmi3.time()[i]).isCloseTo(h2[i], within(1e-6));
    }
  }

  @Test
  void givenBouncingBall3_modelExchangeWithRosenbrock_followsTheClosedForm() {
    BouncingBallAnalytic exact = new BouncingBallAnalytic(1, G, 0.7, 3);

    SimulationResult result =
        run(ball3().solver(SolverKind.ROSENBROCK, 1e-6, 1e-8), "BouncingBall3");

    assertThat(result.events()).isEqualTo(exact.impacts().size());
    double[] h = reals(result, "h");
    for (int i = 0; i < h.length; i++) {
      double t = result.time()[i];
      assertThat(h[i]).as("h at t=%s", t).isCloseTo(exact.height(t), within(1e-4));
    }
  }

  @Test
  void givenStateSpace3_modelExchange_followsTheExponentialDecayOfEachState() {
    Plans plans = plans("StateSpace3").until(2, 0.1).outputs("y");

    SimulationResult result = run(plans, "StateSpace3");

    // der(x) = diag(-1, -2, -3) x from x(0) = 1, u = 0: y = x = exp(-k t).
    for (int k = 1; k <= 3; k++) {
      double[] y = reals(result, "y[" + k + "]");
      for (int i = 0; i < y.length; i++) {
        double t = result.time()[i];
        assertThat(y[i]).as("y[%d] at t=%s", k, t).isCloseTo(Math.exp(-k * t), within(1e-6));
      }
    }
  }

  @Test
  void givenRobertson3_modelExchangeWithRosenbrock_matchesTheFmi2RunAndTheReference() {
    Plans plans =
        plans("Robertson3")
            .until(40, 0.4)
            .outputs("y1", "y2", "y3")
            .solver(SolverKind.ROSENBROCK, 1e-6, 1e-10);
    SimulationResult fmi2 =
        Runs.run(
            Plans.forModel("Robertson")
                .on(FmuInterface.MODEL_EXCHANGE)
                .until(40, 0.4)
                .outputs("y1", "y2", "y3")
                .solver(SolverKind.ROSENBROCK, 1e-6, 1e-10));

    SimulationResult result = run(plans, "Robertson3");

    int last = result.time().length - 1;
    assertThat(result.time()[last]).isEqualTo(40);
    // Hairer and Wanner, Solving ODEs II: y1(40) = 0.7158271.
    assertThat(reals(result, "y1")[last]).isCloseTo(0.7158271, within(2e-6));
    assertThat(reals(result, "y1")[last]).isCloseTo(reals(fmi2, "y1")[last], within(1e-9));
    assertThat(result.steps()).isLessThan(600);
  }

  @Test
  void robertson3_rosenbrock_takesItsJacobiansFromFmi3GetDirectionalDerivative() {
    Plans plans =
        plans("Robertson3")
            .until(40, 0.4)
            .outputs("y1", "y2", "y3")
            .solver(SolverKind.ROSENBROCK, 1e-6, 1e-10);

    SimulationResult result = run(plans, "Robertson3");

    SolverStatistics statistics = result.solverStatistics().orElseThrow();
    assertThat(statistics.jacobian()).contains(JacobianSource.DIRECTIONAL_DERIVATIVES);
    assertThat(statistics.jacobianEvaluations()).isGreaterThanOrEqualTo(result.steps());
    int last = result.time().length - 1;
    assertThat(reals(result, "y1")[last]).isCloseTo(0.7158271, within(2e-6));
    assertThat(reals(result, "y2")[last]).isCloseTo(9.185535e-6, within(2e-10));
  }

  @Test
  void stateSpace3_rosenbrock_assemblesTheJacobianOfAnArrayState() {
    Plans plans = plans("StateSpace3").until(1, 0.1).solver(SolverKind.ROSENBROCK, 1e-6, 1e-10);

    SimulationResult result = run(plans, "StateSpace3");

    assertThat(result.solverStatistics().orElseThrow().jacobian())
        .contains(JacobianSource.DIRECTIONAL_DERIVATIVES);
  }

  @Test
  void givenInt64AndUInt64StartValues_modelExchange_returnsThemExactly() {
    Plans plans =
        plans("Feedthrough3")
            .until(1, 0.5)
            .start("Int64_input", 9007199254740993L)
            .start("UInt64_input", -1L)
            .outputs("Int64_output", "UInt64_output", "Float64_output");

    SimulationResult result = run(plans, "Feedthrough3");

    assertThat(result.time()).containsExactly(0, 0.5, 1);
    assertThat(result.column("Int64_output").orElseThrow().valueAt(2)).isEqualTo(9007199254740993L);
    assertThat(result.column("UInt64_output").orElseThrow().valueAt(2).toString())
        .isEqualTo("18446744073709551615");
  }

  @Test
  void givenLinearAndHeldSignalsOnFloat64Inputs_modelExchange_followsThemBetweenSamples() {
    Plans plans =
        plans("Feedthrough3")
            .until(1, 0.25)
            .input("Float64_input", Interpolation.LINEAR, new double[] {0, 1}, new double[] {0, 2})
            .input("Float32_input", Interpolation.HOLD, new double[] {0, 0.5}, new double[] {3, 7})
            .outputs("Float64_output", "Float32_output");

    SimulationResult result = run(plans, "Feedthrough3");

    assertThat(reals(result, "Float64_output")).containsExactly(0, 0.5, 1, 1.5, 2);
    assertThat(reals(result, "Float32_output")).containsExactly(3, 3, 7, 7, 7);
  }

  @Test
  void givenANegativeGravity_modelExchange_failsAsAModelErrorWithTheFmusExplanation() {
    Plans plans = ball3().start("g", -1.0);

    SimulationFailedException failure =
        catchThrowableOfType(SimulationFailedException.class, () -> run(plans, "BouncingBall3"));

    assertThat(failure.failureCause()).isEqualTo(SimulationFailedException.Cause.MODEL_ERROR);
    assertThat(failure.getMessage())
        .startsWith("fmi3")
        .contains("returned ERROR")
        .contains("g must be positive, got -1");
    assertThat(failure.fmuLog()).anyMatch(line -> line.contains("g must be positive, got -1"));
  }

  private static Plans ball3() {
    return plans("BouncingBall3").until(3, 0.01).outputs("h", "v");
  }

  private static Plans plans(String model) {
    return Plans.forDescription(description(model)).on(FmuInterface.MODEL_EXCHANGE);
  }

  private static SimulationResult run(Plans plans, String model) {
    return ENGINE.run(library(model), plans.description(), plans.build());
  }

  private static List<Double> impacts(SimulationResult result) {
    return BouncingBallAnalytic.impactsFromSamples(
        result.time(), reals(result, "h"), reals(result, "v"), G);
  }

  private static ModelDescription description(String model) {
    return new FmuArchiveInspector().inspectNow(library(model)).description();
  }

  private static Path library(String model) {
    try {
      return Path.of(
          Fmi3ModelExchangeTest.class.getResource("/fmi/library3/" + model + ".fmu").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
