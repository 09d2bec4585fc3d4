package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.reals;
import static com.fmugateway.adapter.out.fmi.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BouncingBall (h starts at 1, g = 9.81, e = 0.7) against its closed-form trajectory. */
class BouncingBallTest {

  private static final double G = 9.81;
  private static final BouncingBallAnalytic EXACT = new BouncingBallAnalytic(1, G, 0.7, 3);

  @Test
  void theClosedFormHasElevenImpactsIn3sStartingAtTheTextbookTimes() {
    double first = Math.sqrt(2 / G);

    assertThat(EXACT.impacts()).hasSize(11);
    assertThat(EXACT.impacts().get(0)).isCloseTo(0.45152, within(1e-5));
    assertThat(EXACT.impacts().get(1))
        .isCloseTo(first + 2 * 0.7 * Math.sqrt(2 * G) / G, within(1e-12));
  }

  @Test
  void coSimulationAt10msHitsEveryImpactTime() {
    SimulationResult result = run(ball().on(FmuInterface.CO_SIMULATION));

    assertImpactsWithin(result, 1e-3);
  }

  @Test
  void coSimulationHeightsFollowTheParabolasExactly() {
    SimulationResult result = run(ball().on(FmuInterface.CO_SIMULATION));

    assertHeightsWithin(result, 1e-12);
    assertThat(result.steps()).isEqualTo(300);
  }

  @Test
  void modelExchangeWithDormandPrinceLocatesEveryImpactAsAStateEvent() {
    SimulationResult result =
        run(ball().on(FmuInterface.MODEL_EXCHANGE).solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8));

    assertImpactsWithin(result, 1e-3);
    assertHeightsWithin(result, 1e-6);
    assertThat(result.events()).isEqualTo(EXACT.impacts().size());
  }

  @Test
  void modelExchangeWithRosenbrockLocatesEveryImpactAsAStateEvent() {
    SimulationResult result =
        run(ball().on(FmuInterface.MODEL_EXCHANGE).solver(SolverKind.ROSENBROCK, 1e-6, 1e-8));

    assertImpactsWithin(result, 1e-3);
    assertHeightsWithin(result, 1e-4);
    assertThat(result.events()).isEqualTo(EXACT.impacts().size());
  }

  @Test
  void modelExchangeWithAutoStaysExplicitAndMatchesDormandPrince() {
    SimulationResult auto =
        run(ball().on(FmuInterface.MODEL_EXCHANGE).solver(SolverKind.AUTO, 1e-6, 1e-8));
    SimulationResult explicit =
        run(ball().on(FmuInterface.MODEL_EXCHANGE).solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8));

    assertThat(auto.steps()).isEqualTo(explicit.steps());
    assertThat(reals(auto, "h")).containsExactly(reals(explicit, "h"));
  }

  @Test
  void modelExchangeWithFixedStepRk4LocatesTheImpactsToo() {
    SimulationResult result =
        run(ball().on(FmuInterface.MODEL_EXCHANGE).fixedStep(SolverKind.RK4, 0.01));

    assertImpactsWithin(result, 1e-3);
  }

  @Test
  void modelExchangeSamplesAnImpactAtAnOutputTimeAfterTheBounce() {
    // From h = 1 with g = 2 / T^2, the ball lands at t = T exactly, an output time, at 2 / T m/s.
    // The solvers that step through output times see the impact within rounding of it, and sample
    // after the bounce. (Where segments end at output times, the Rosenbrock method's and the fixed
    // steps', a segment can end with the ball 1e-16 m up at T, and T is sampled just before.)
    for (SolverKind solver :
        List.of(SolverKind.DORMAND_PRINCE, SolverKind.DORMAND_PRINCE_853, SolverKind.AUTO)) {
      for (int i : new int[] {25, 50, 100, 200}) {
        double landing = i / 100.0;
        SimulationResult result =
            run(
                Plans.forModel("BouncingBall")
                    .until(2.5, 0.01)
                    .start("g", 2 / (landing * landing))
                    .outputs("h", "v")
                    .on(FmuInterface.MODEL_EXCHANGE)
                    .solver(solver, 1e-6, 1e-8));

        String at = solver + " at t=" + landing;
        assertThat(result.time()[i]).as(at).isEqualTo(landing);
        assertThat(reals(result, "v")[i - 1]).as(at).isNegative();
        assertThat(reals(result, "v")[i]).as(at).isCloseTo(0.7 * 2 / landing, within(1e-6));
      }
    }
  }

  private static Plans ball() {
    return Plans.forModel("BouncingBall").until(3, 0.01).outputs("h", "v");
  }

  private static void assertImpactsWithin(SimulationResult result, double tolerance) {
    List<Double> found =
        BouncingBallAnalytic.impactsFromSamples(
            result.time(), reals(result, "h"), reals(result, "v"), G);

    assertThat(found).hasSameSizeAs(EXACT.impacts());
    for (int k = 0; k < found.size(); k++) {
      assertThat(found.get(k))
          .as("impact %d", k + 1)
          .isCloseTo(EXACT.impacts().get(k), within(tolerance));
    }
  }

  private static void assertHeightsWithin(SimulationResult result, double tolerance) {
    double[] h = reals(result, "h");
    for (int i = 0; i < h.length; i++) {
      double t = result.time()[i];
      assertThat(h[i]).as("h at t=%s", t).isCloseTo(EXACT.height(t), within(tolerance));
    }
  }
}
