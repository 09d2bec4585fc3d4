package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.reals;
import static com.fmugateway.adapter.out.fmi.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** FirstOrderLag (T y' = K u - y) against its closed-form solutions. */
class FirstOrderLagTest {

  private static final DoubleUnaryOperator STEP_RESPONSE = t -> 2 * (1 - Math.exp(-t / 0.5));
  private static final DoubleUnaryOperator DECAY = t -> Math.exp(-t);

  @Test
  void coSimulationStepResponseMatchesTheClosedFormToRoundingError() {
    SimulationResult result = run(stepResponse().on(FmuInterface.CO_SIMULATION));

    assertThat(maxRelativeError(result, STEP_RESPONSE)).isLessThan(1e-12);
  }

  @Test
  void modelExchangeStepResponseWithDormandPrinceIsWithinItsRelativeTolerance() {
    SimulationResult result =
        run(
            stepResponse()
                .on(FmuInterface.MODEL_EXCHANGE)
                .solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8));

    assertThat(maxRelativeError(result, STEP_RESPONSE)).isLessThan(1e-6);
  }

  @Test
  void coSimulationDecayFromY0IsExponential() {
    SimulationResult result = run(decay().on(FmuInterface.CO_SIMULATION));

    assertThat(maxRelativeError(result, DECAY)).isLessThan(1e-12);
  }

  @Test
  void modelExchangeDecayWithDormandPrinceStepsThroughOutputTimesWithinTwiceItsTolerance() {
    SimulationResult result =
        run(decay().on(FmuInterface.MODEL_EXCHANGE).solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8));

    // rtol bounds each step's error; the error at the end is their sum over the run (1.6e-6 at
    // t=5), and an output time inside a step, read from its dense output, is no worse.
    assertThat(maxRelativeError(result, DECAY)).isLessThan(2e-6);
    assertThat(result.steps()).as("steps for 500 output intervals").isLessThan(50);
  }

  @Test
  void modelExchangeOutputIntervalDoesNotChangeTheAdaptiveSolution() {
    Plans fine =
        decay().on(FmuInterface.MODEL_EXCHANGE).solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8);
    Plans coarse =
        Plans.forModel("FirstOrderLag")
            .until(5, 2.5)
            .start("y0", 1.0)
            .outputs("y")
            .on(FmuInterface.MODEL_EXCHANGE)
            .solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8);

    SimulationResult many = run(fine);
    SimulationResult three = run(coarse);

    // Sampling places the FMU between steps, but the steps themselves are the same.
    assertThat(many.steps()).isEqualTo(three.steps());
    assertThat(reals(three, "y")[1]).isEqualTo(reals(many, "y")[250]);
    assertThat(reals(three, "y")[2]).isEqualTo(reals(many, "y")[500]);
  }

  @Test
  void modelExchangeDecayWithDormandPrince853AtTightTolerancesIsFarMoreAccurate() {
    SimulationResult result =
        run(
            decay()
                .on(FmuInterface.MODEL_EXCHANGE)
                .solver(SolverKind.DORMAND_PRINCE_853, 1e-10, 1e-12));

    assertThat(maxRelativeError(result, DECAY)).isLessThan(1e-9);
  }

  @Test
  void modelExchangeDecayWithFixedStepRk4IsFourthOrderAccurate() {
    SimulationResult result =
        run(decay().on(FmuInterface.MODEL_EXCHANGE).fixedStep(SolverKind.RK4, 0.01));

    // Local error h^5/120 per step, 500 steps: about 4e-11 relative.
    assertThat(maxRelativeError(result, DECAY)).isLessThan(1e-9);
  }

  @Test
  void modelExchangeDecayWithFixedStepEulerIsOnlyFirstOrderAccurate() {
    SimulationResult result =
        run(decay().on(FmuInterface.MODEL_EXCHANGE).fixedStep(SolverKind.EULER, 0.01));

    // Euler's global relative error grows like t h / 2: 2.5 % at t=5.
    assertThat(maxRelativeError(result, DECAY)).isBetween(1e-3, 3e-2);
  }

  /** u = 1 from the start, K = 2, T = 0.5: y = 2 (1 - exp(-2t)). */
  private static Plans stepResponse() {
    return Plans.forModel("FirstOrderLag")
        .until(5, 0.01)
        .start("u", 1.0)
        .start("K", 2.0)
        .start("T", 0.5)
        .outputs("y");
  }

  /** u = 0, y0 = 1, T = 1: y = exp(-t). */
  private static Plans decay() {
    return Plans.forModel("FirstOrderLag").until(5, 0.01).start("y0", 1.0).outputs("y");
  }

  static double maxRelativeError(SimulationResult result, DoubleUnaryOperator exact) {
    double[] y = reals(result, "y");
    double worst = 0;
    for (int i = 1; i < y.length; i++) {
      double expected = exact.applyAsDouble(result.time()[i]);
      worst = Math.max(worst, Math.abs(y[i] - expected) / Math.abs(expected));
    }
    return worst;
  }
}
