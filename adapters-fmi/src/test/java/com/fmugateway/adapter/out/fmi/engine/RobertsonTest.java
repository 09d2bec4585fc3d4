package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.reals;
import static com.fmugateway.adapter.out.fmi.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.SolverStatistics;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import org.junit.jupiter.api.Test;

/**
 * The Robertson FMU by model exchange with the stiff solvers. Reference at t = 40 from Hairer and
 * Wanner, Solving ODEs II (y1 = 0.7158271, y2 = 9.185535e-6, y3 = 0.2841637).
 */
class RobertsonTest {

  private static final double[] AT_40 = {0.7158271, 9.185535e-6, 0.2841637};

  @Test
  void rosenbrock_matchesTheReferenceAtT40InFewSteps() {
    SimulationResult result = run(robertson(40, 0.4).solver(SolverKind.ROSENBROCK, 1e-6, 1e-10));

    assertAt40(result);
    assertThat(result.steps()).isLessThan(600);
  }

  @Test
  void dormandPrince_needsOverTenTimesTheStepsOfRosenbrockToT40() {
    SimulationResult explicit =
        run(robertson(40, 0.4).solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-10));
    SimulationResult implicit = run(robertson(40, 0.4).solver(SolverKind.ROSENBROCK, 1e-6, 1e-10));

    assertAt40(explicit);
    assertThat(explicit.steps()).isGreaterThan(10 * implicit.steps());
  }

  @Test
  void auto_switchesToRosenbrockAndMatchesTheReference() {
    SimulationResult result = run(robertson(40, 0.4).solver(SolverKind.AUTO, 1e-6, 1e-10));

    assertAt40(result);
    assertThat(result.steps()).isLessThan(StiffnessMonitor.WINDOW + 600L);
  }

  @Test
  void rosenbrock_reaches1e5sConservingMassAndAgreesWithATighterRun() {
    SimulationResult result = run(robertson(1e5, 1e3).solver(SolverKind.ROSENBROCK, 1e-6, 1e-10));
    SimulationResult tight = run(robertson(1e5, 1e3).solver(SolverKind.ROSENBROCK, 1e-9, 1e-13));

    double[] y1 = reals(result, "y1");
    double[] y2 = reals(result, "y2");
    double[] y3 = reals(result, "y3");
    for (int i = 0; i < y1.length; i++) {
      assertThat(y1[i] + y2[i] + y3[i]).as("mass at sample %d", i).isCloseTo(1, within(1e-9));
      assertThat(y2[i]).as("y2 at sample %d", i).isGreaterThanOrEqualTo(0);
      if (i > 0) {
        assertThat(y1[i]).as("y1 at sample %d", i).isLessThan(y1[i - 1]);
      }
    }
    int last = y1.length - 1;
    assertThat(y1[last]).isCloseTo(reals(tight, "y1")[last], within(1e-5));
    assertThat(y2[last]).isCloseTo(reals(tight, "y2")[last], within(1e-10));
    assertThat(result.steps()).isLessThan(2000);
  }

  /**
   * The classic long run, 1e-5 s to past 1e8 s at rtol 1e-4, against the published solution at t =
   * 1e11 (Mazzia and Magherini, Test Set for IVP Solvers, problem ROBER: y1 = 2.083340149701255e-8,
   * y3 = 0.9999999791665050).
   */
  @Test
  void rosenbrock_runsToT1e11AtRtol1e4_andMatchesThePublishedSolution() {
    SimulationResult result = run(robertson(1e11, 1e9).solver(SolverKind.ROSENBROCK, 1e-4, 1e-14));

    int last = result.time().length - 1;
    assertThat(result.time()[last]).isEqualTo(1e11);
    assertThat(reals(result, "y1")[last]).isCloseTo(2.083340149701255e-8, withinPercentage(0.1));
    assertThat(reals(result, "y3")[last]).isCloseTo(0.9999999791665050, withinPercentage(0.1));
    assertThat(result.steps()).isLessThan(2000);
  }

  @Test
  void rosenbrock_takesItsJacobiansFromTheFmusDirectionalDerivatives() {
    Plans plans =
        Plans.forDescription(inspected())
            .on(FmuInterface.MODEL_EXCHANGE)
            .until(40, 0.4)
            .outputs("y1", "y2", "y3")
            .solver(SolverKind.ROSENBROCK, 1e-6, 1e-10);

    SimulationResult result = run(plans);

    assertAt40(result);
    SolverStatistics statistics = result.solverStatistics().orElseThrow();
    assertThat(statistics.jacobian()).contains(JacobianSource.DIRECTIONAL_DERIVATIVES);
    assertThat(statistics.jacobianEvaluations()).isGreaterThanOrEqualTo(result.steps());
  }

  @Test
  void
      givenADescriptionWithoutDirectionalDerivatives_rosenbrockDifferencesAtThreeMoreEvaluations() {
    SimulationResult exact =
        run(
            Plans.forDescription(inspected())
                .on(FmuInterface.MODEL_EXCHANGE)
                .until(40, 0.4)
                .outputs("y1", "y2", "y3")
                .solver(SolverKind.ROSENBROCK, 1e-6, 1e-10));
    SimulationResult differenced =
        run(robertson(40, 0.4).solver(SolverKind.ROSENBROCK, 1e-6, 1e-10));

    assertAt40(differenced);
    SolverStatistics statistics = differenced.solverStatistics().orElseThrow();
    assertThat(statistics.jacobian()).contains(JacobianSource.FINITE_DIFFERENCES);
    long saved =
        statistics.derivativeEvaluations()
            - exact.solverStatistics().orElseThrow().derivativeEvaluations();
    assertThat(saved).isGreaterThanOrEqualTo(3 * Math.min(differenced.steps(), exact.steps()));
  }

  @Test
  void dormandPrince_reportsItsDerivativeEvaluationsAndNoJacobian() {
    SimulationResult result = run(robertson(1, 0.1).solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-10));

    SolverStatistics statistics = result.solverStatistics().orElseThrow();
    assertThat(statistics.jacobian()).isEmpty();
    assertThat(statistics.jacobianEvaluations()).isZero();
    // Six stages a step with the first-same-as-last reuse, plus rejected steps.
    assertThat(statistics.derivativeEvaluations()).isGreaterThanOrEqualTo(6 * result.steps());
  }

  /** The description as uploads read it, directional derivatives included. */
  private static ModelDescription inspected() {
    return LibraryFmus.inspected("Robertson");
  }

  private static Plans robertson(double stop, double interval) {
    return Plans.forModel("Robertson")
        .on(FmuInterface.MODEL_EXCHANGE)
        .until(stop, interval)
        .outputs("y1", "y2", "y3");
  }

  private static void assertAt40(SimulationResult result) {
    int last = result.time().length - 1;
    assertThat(result.time()[last]).isEqualTo(40);
    assertThat(reals(result, "y1")[last]).isCloseTo(AT_40[0], within(2e-6));
    assertThat(reals(result, "y2")[last]).isCloseTo(AT_40[1], within(2e-10));
    assertThat(reals(result, "y3")[last]).isCloseTo(AT_40[2], within(2e-6));
  }
}
