package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SolverKind;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;

/** The switch of {@code auto}: steps on the stability boundary trip it, accurate ones do not. */
class StiffnessMonitorTest {

  /** y' = -rate y: spectral radius {@code rate}. */
  private static OrdinaryDifferentialEquation decay(double rate) {
    return new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return 1;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        return new double[] {-rate * y[0]};
      }
    };
  }

  @Test
  void stepsOfThreeOverRho_tripItOnceAfterAWindow() {
    StiffnessMonitor monitor = new StiffnessMonitor(plan(SolverKind.AUTO), decay(1e4));

    int trips = stepThrough(monitor, 3e-4, 3 * StiffnessMonitor.WINDOW);

    assertThat(trips).isEqualTo(1);
    assertThat(monitor.takeSwitch()).isTrue();
    assertThat(monitor.takeSwitch()).isFalse();
  }

  @Test
  void stepsWellInsideTheStabilityRegion_neverTripIt() {
    StiffnessMonitor monitor = new StiffnessMonitor(plan(SolverKind.AUTO), decay(1e4));

    assertThat(stepThrough(monitor, 1e-5, 3 * StiffnessMonitor.WINDOW)).isZero();
  }

  @Test
  void otherSolvers_neverTripIt() {
    StiffnessMonitor monitor = new StiffnessMonitor(plan(SolverKind.DORMAND_PRINCE), decay(1e4));

    assertThat(stepThrough(monitor, 3e-4, 3 * StiffnessMonitor.WINDOW)).isZero();
  }

  private static int stepThrough(StiffnessMonitor monitor, double h, int steps) {
    monitor.startAt(0);
    int trips = 0;
    for (int k = 1; k <= steps; k++) {
      trips += monitor.stiffAfter(k * h, new double[] {1}) ? 1 : 0;
    }
    return trips;
  }

  private static SimulationPlan plan(SolverKind kind) {
    return Plans.forModel("Robertson")
        .on(FmuInterface.MODEL_EXCHANGE)
        .until(1e5, 1e3)
        .solver(kind, 1e-6, 1e-10)
        .build();
  }
}
