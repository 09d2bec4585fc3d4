package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.api.Test;

/** The Rosenbrock method against closed-form solutions of stiff problems. */
class RosenbrockIntegratorTest {

  /** Prothero–Robinson: y' = -1000 (y - cos t) - sin t, y(0) = 1, solved by y = cos t. */
  private static final OrdinaryDifferentialEquation PROTHERO_ROBINSON =
      ode(1, (t, y) -> new double[] {-1000 * (y[0] - Math.cos(t)) - Math.sin(t)});

  /** y1' = -y1, y2' = 9999 y1 - 1e4 y2: eigenvalues -1 and -1e4; y2 = e^-t + e^-1e4t from 2. */
  private static final OrdinaryDifferentialEquation LINEAR =
      ode(2, (t, y) -> new double[] {-y[0], 9999 * y[0] - 1e4 * y[1]});

  @Test
  void protheroRobinson_followsTheCosineToTheTolerance() {
    Steps steps = new Steps();
    RosenbrockIntegrator rosenbrock = rosenbrock(1e-6, 1e-8);
    rosenbrock.addStepHandler(steps);

    ODEStateAndDerivative end =
        rosenbrock.integrate(PROTHERO_ROBINSON, new ODEState(0, new double[] {1}), 10);

    assertThat(end.getPrimaryState()[0]).isCloseTo(Math.cos(10), within(1e-6));
    assertThat(steps.maxDenseError(t -> Math.cos(t), 0)).isLessThan(1e-5);
    // Order 2 with stage order 1: Prothero–Robinson is its worst case (order reduction).
    assertThat(steps.count).isLessThan(6000);
  }

  @Test
  void stifferProtheroRobinson_takesFarFewerStepsThanDormandPrince() {
    OrdinaryDifferentialEquation stiffer =
        ode(1, (t, y) -> new double[] {-1e5 * (y[0] - Math.cos(t)) - Math.sin(t)});
    Steps implicit = new Steps();
    Steps explicit = new Steps();
    RosenbrockIntegrator rosenbrock = rosenbrock(1e-6, 1e-8);
    rosenbrock.addStepHandler(implicit);
    DormandPrince54Integrator dormandPrince = new DormandPrince54Integrator(1e-12, 10, 1e-8, 1e-6);
    dormandPrince.addStepHandler(explicit);

    double implicitEnd =
        rosenbrock.integrate(stiffer, new ODEState(0, new double[] {1}), 10).getPrimaryState()[0];
    dormandPrince.integrate(stiffer, new ODEState(0, new double[] {1}), 10);

    assertThat(implicitEnd).isCloseTo(Math.cos(10), within(1e-6));
    assertThat(implicit.count * 10).isLessThan(explicit.count);
  }

  @Test
  void linearStiffSystem_matchesTheExponentialsThroughTheTransientAndAfter() {
    Steps steps = new Steps();
    RosenbrockIntegrator rosenbrock = rosenbrock(1e-6, 1e-10);
    rosenbrock.addStepHandler(steps);

    ODEStateAndDerivative end =
        rosenbrock.integrate(LINEAR, new ODEState(0, new double[] {1, 2}), 20);

    assertThat(end.getPrimaryState()[0]).isCloseTo(Math.exp(-20), within(1e-9));
    assertThat(end.getPrimaryState()[1]).isCloseTo(Math.exp(-20), within(1e-9));
    assertThat(steps.maxDenseError(t -> Math.exp(-t) + Math.exp(-1e4 * t), 1)).isLessThan(1e-4);
    assertThat(steps.count).isLessThan(800);
  }

  @Test
  void robertson_matchesHairerWannerAtT40AndConservesMass() {
    Steps steps = new Steps();
    RosenbrockIntegrator rosenbrock = rosenbrock(1e-6, 1e-10);
    rosenbrock.addStepHandler(steps);
    OrdinaryDifferentialEquation robertson =
        ode(
            3,
            (t, y) ->
                new double[] {
                  -0.04 * y[0] + 1e4 * y[1] * y[2],
                  0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1],
                  3e7 * y[1] * y[1]
                });

    double[] y =
        rosenbrock
            .integrate(robertson, new ODEState(0, new double[] {1, 0, 0}), 40)
            .getPrimaryState();

    assertThat(y[0]).isCloseTo(0.7158271, within(1e-5));
    assertThat(y[1]).isCloseTo(9.185535e-6, within(1e-9));
    assertThat(y[2]).isCloseTo(0.2841637, within(1e-5));
    assertThat(y[0] + y[1] + y[2]).isCloseTo(1, within(1e-9));
    assertThat(steps.count).isLessThan(500);
  }

  @Test
  void stateEvent_isLocatedOnTheDenseOutput() {
    RosenbrockIntegrator rosenbrock = rosenbrock(1e-6, 1e-8);
    List<Double> crossings = new ArrayList<>();
    rosenbrock.addEventDetector(
        crossing(
            y -> y[0] - 0.5,
            (state, detector, increasing) -> {
              crossings.add(state.getTime());
              return Action.STOP;
            }));

    ODEStateAndDerivative end =
        rosenbrock.integrate(PROTHERO_ROBINSON, new ODEState(0, new double[] {1}), 10);

    assertThat(crossings).hasSize(1);
    assertThat(end.getTime()).isCloseTo(Math.acos(0.5), within(1e-5));
  }

  @Test
  void givenAJacobianProvider_robertsonUsesItsJacobianAndSavesTheDifferencingEvaluations() {
    RobertsonRhs differenced = new RobertsonRhs(false);
    RobertsonRhs exact = new RobertsonRhs(true);
    RosenbrockIntegrator byDifferences = rosenbrock(1e-6, 1e-10);
    RosenbrockIntegrator byProvider = rosenbrock(1e-6, 1e-10);

    double[] y1 =
        byDifferences
            .integrate(differenced, new ODEState(0, new double[] {1, 0, 0}), 40)
            .getPrimaryState();
    double[] y2 =
        byProvider.integrate(exact, new ODEState(0, new double[] {1, 0, 0}), 40).getPrimaryState();

    assertThat(byProvider.jacobianSource()).contains(JacobianSource.DIRECTIONAL_DERIVATIVES);
    assertThat(byDifferences.jacobianSource()).contains(JacobianSource.FINITE_DIFFERENCES);
    assertThat(exact.jacobians).isEqualTo(byProvider.jacobianEvaluations()).isPositive();
    assertThat(differenced.jacobians).isZero();
    // Finite differences cost three more evaluations per Jacobian, one per column.
    assertThat(differenced.evaluations - 3 * byDifferences.jacobianEvaluations())
        .isCloseTo(exact.evaluations, within(exact.evaluations / 10));
    assertThat(y2[0]).isCloseTo(0.7158271, within(1e-5));
    assertThat(y2[1]).isCloseTo(9.185535e-6, within(1e-9));
    assertThat(y2[0]).isCloseTo(y1[0], within(1e-6));
  }

  /** Robertson's kinetics, counting evaluations, with its exact Jacobian when asked to give it. */
  private static final class RobertsonRhs
      implements OrdinaryDifferentialEquation, JacobianProvider {
    private final boolean provides;
    private long evaluations;
    private long jacobians;

    RobertsonRhs(boolean provides) {
      this.provides = provides;
    }

    @Override
    public int getDimension() {
      return 3;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
      evaluations++;
      return new double[] {
        -0.04 * y[0] + 1e4 * y[1] * y[2],
        0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1],
        3e7 * y[1] * y[1]
      };
    }

    @Override
    public boolean providesJacobian() {
      return provides;
    }

    @Override
    public void computeJacobian(double t, double[] y, double[][] jacobian) {
      jacobians++;
      double[][] exact = {
        {-0.04, 1e4 * y[2], 1e4 * y[1]},
        {0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]},
        {0, 6e7 * y[1], 0}
      };
      for (int i = 0; i < 3; i++) {
        System.arraycopy(exact[i], 0, jacobian[i], 0, 3);
      }
    }
  }

  private static RosenbrockIntegrator rosenbrock(double rtol, double atol) {
    return new RosenbrockIntegrator(1e-12, 1e6, atol, rtol);
  }

  private interface Rhs {
    double[] at(double t, double[] y);
  }

  private static OrdinaryDifferentialEquation ode(int dimension, Rhs rhs) {
    return new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return dimension;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        return rhs.at(t, y);
      }
    };
  }

  private static ODEEventDetector crossing(
      java.util.function.ToDoubleFunction<double[]> g, ODEEventHandler handler) {
    return new ODEEventDetector() {
      @Override
      public double g(ODEStateAndDerivative state) {
        return g.applyAsDouble(state.getPrimaryState());
      }

      @Override
      public org.hipparchus.ode.events.AdaptableInterval getMaxCheckInterval() {
        return org.hipparchus.ode.events.AdaptableInterval.of(0.01);
      }

      @Override
      public int getMaxIterationCount() {
        return 100;
      }

      @Override
      public org.hipparchus.analysis.solvers.BracketedUnivariateSolver<
              org.hipparchus.analysis.UnivariateFunction>
          getSolver() {
        return new org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver(
            1e-14, 1e-10, 0, 5);
      }

      @Override
      public ODEEventHandler getHandler() {
        return handler;
      }
    };
  }

  /** Counts accepted steps and checks the dense output at each step's midpoint. */
  private static final class Steps implements org.hipparchus.ode.sampling.ODEStepHandler {
    private final List<ODEStateInterpolator> interpolators = new ArrayList<>();
    private int count;

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
      count++;
      interpolators.add(interpolator);
    }

    double maxDenseError(java.util.function.DoubleUnaryOperator exact, int component) {
      double max = 0;
      for (ODEStateInterpolator step : interpolators) {
        double mid = (step.getPreviousState().getTime() + step.getCurrentState().getTime()) / 2;
        double y = step.getInterpolatedState(mid).getPrimaryState()[component];
        max = Math.max(max, Math.abs(y - exact.applyAsDouble(mid)));
      }
      return max;
    }
  }
}
