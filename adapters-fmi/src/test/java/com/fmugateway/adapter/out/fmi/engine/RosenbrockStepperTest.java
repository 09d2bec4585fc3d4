package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.StepLoops.ROSENBROCK;
import static com.fmugateway.adapter.out.fmi.engine.StepLoops.allocatedByARun;
import static com.fmugateway.adapter.out.fmi.engine.StepLoops.assertFailsAsInHipparchus;
import static com.fmugateway.adapter.out.fmi.engine.StepLoops.assertSameRun;
import static com.fmugateway.adapter.out.fmi.engine.TestOdes.ode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.adapter.out.fmi.engine.StepLoops.Method;
import com.fmugateway.adapter.out.fmi.engine.StepLoops.Run;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;

/**
 * The Rosenbrock method against closed-form solutions of stiff problems, and its stepper against
 * the Hipparchus integrator it was: the same steps, states and dense output to the last bit, the
 * same failures, and no allocation per step.
 */
class RosenbrockStepperTest {

  /** Prothero–Robinson: y' = -1000 (y - cos t) - sin t, y(0) = 1, solved by y = cos t. */
  private static final OrdinaryDifferentialEquation PROTHERO_ROBINSON =
      ode(1, (t, y, d) -> d[0] = -1000 * (y[0] - Math.cos(t)) - Math.sin(t));

  /** y1' = -y1, y2' = 9999 y1 - 1e4 y2: eigenvalues -1 and -1e4; y2 = e^-t + e^-1e4t from 2. */
  private static final OrdinaryDifferentialEquation LINEAR =
      ode(
          2,
          (t, y, d) -> {
            d[0] = -y[0];
            d[1] = 9999 * y[0] - 1e4 * y[1];
          });

  private static final double[] ROBERTSON_START = {1, 0, 0};

  @Test
  void protheroRobinson_followsTheCosineToTheTolerance() {
    Steps steps = new Steps(1, t -> Math.cos(t), 0);

    double[] y = {1};
    rosenbrock(1e-6, 1e-8, 1).integrate(PROTHERO_ROBINSON, 0, y, 10, steps);

    assertThat(y[0]).isCloseTo(Math.cos(10), within(1e-6));
    assertThat(steps.maxDenseError).isLessThan(1e-5);
    // Order 2 with stage order 1: Prothero–Robinson is its worst case (order reduction).
    assertThat(steps.count).isLessThan(6000);
  }

  @Test
  void stifferProtheroRobinson_takesFarFewerStepsThanDormandPrince() {
    OrdinaryDifferentialEquation stiffer =
        ode(1, (t, y, d) -> d[0] = -1e5 * (y[0] - Math.cos(t)) - Math.sin(t));
    Steps implicit = new Steps(1, t -> Math.cos(t), 0);
    Steps explicit = new Steps(1, t -> Math.cos(t), 0);

    double[] y = {1};
    rosenbrock(1e-6, 1e-8, 1).integrate(stiffer, 0, y, 10, implicit);
    new DormandPrince54Stepper(1, 1e-12, 10, 1e-8, 1e-6)
        .integrate(stiffer, 0, new double[] {1}, 10, explicit);

    assertThat(y[0]).isCloseTo(Math.cos(10), within(1e-6));
    assertThat(implicit.count * 10).isLessThan(explicit.count);
  }

  @Test
  void linearStiffSystem_matchesTheExponentialsThroughTheTransientAndAfter() {
    Steps steps = new Steps(2, t -> Math.exp(-t) + Math.exp(-1e4 * t), 1);

    double[] y = {1, 2};
    rosenbrock(1e-6, 1e-10, 2).integrate(LINEAR, 0, y, 20, steps);

    assertThat(y[0]).isCloseTo(Math.exp(-20), within(1e-9));
    assertThat(y[1]).isCloseTo(Math.exp(-20), within(1e-9));
    assertThat(steps.maxDenseError).isLessThan(1e-4);
    assertThat(steps.count).isLessThan(800);
  }

  @Test
  void robertson_matchesHairerWannerAtT40AndConservesMass() {
    Steps steps = new Steps(3, t -> 0, 0);

    double[] y = ROBERTSON_START.clone();
    rosenbrock(1e-6, 1e-10, 3).integrate(new RobertsonRhs(false), 0, y, 40, steps);

    assertThat(y[0]).isCloseTo(0.7158271, within(1e-5));
    assertThat(y[1]).isCloseTo(9.185535e-6, within(1e-9));
    assertThat(y[2]).isCloseTo(0.2841637, within(1e-5));
    assertThat(y[0] + y[1] + y[2]).isCloseTo(1, within(1e-9));
    assertThat(steps.count).isLessThan(500);
  }

  @Test
  void stateEvent_isLocatedOnTheDenseOutput() {
    RosenbrockStepper stepper = rosenbrock(1e-6, 1e-8, 1);
    StateEvents events = new StateEvents((t, y, i) -> y[0] - 0.5, 1, 1, 0.01);
    int[] crossings = new int[1];
    Stepper.Listener listener =
        step -> {
          if (events.inStep(step)) {
            crossings[0]++;
            step.stopAt(events.stopTime());
            return true;
          }
          return events.afterStepEnd();
        };

    events.startSegment();
    double end = stepper.integrate(PROTHERO_ROBINSON, 0, new double[] {1}, 10, listener);

    assertThat(crossings[0]).isOne();
    assertThat(end).isCloseTo(Math.acos(0.5), within(1e-5));
  }

  @Test
  void givenAJacobianProvider_robertsonUsesItsJacobianAndSavesTheDifferencingEvaluations() {
    RobertsonRhs differenced = new RobertsonRhs(false);
    RobertsonRhs exact = new RobertsonRhs(true);
    RosenbrockStepper byDifferences = rosenbrock(1e-6, 1e-10, 3);
    RosenbrockStepper byProvider = rosenbrock(1e-6, 1e-10, 3);

    double[] y1 = ROBERTSON_START.clone();
    byDifferences.integrate(differenced, 0, y1, 40, step -> false);
    double[] y2 = ROBERTSON_START.clone();
    byProvider.integrate(exact, 0, y2, 40, step -> false);

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

  @Test
  void itsStepsStatesAndDenseOutputAreTheHipparchusIntegratorsToTheLastBit() {
    assertSameRun(
        ROSENBROCK, new RobertsonRhs(false), ROBERTSON_START, new double[] {0, 40}, 5, -1, 50);
    assertSameRun(
        ROSENBROCK, new RobertsonRhs(true), ROBERTSON_START, new double[] {0, 40}, 5, -1, 50);
    assertSameRun(ROSENBROCK, LINEAR, new double[] {1, 2}, new double[] {0, 20}, 3, -1, 50);
    assertSameRun(ROSENBROCK, PROTHERO_ROBINSON, new double[] {1}, new double[] {0, 2}, 3, -1, 50);
  }

  @Test
  void segmentAfterSegmentTheyStayTheHipparchusIntegratorsCarryingTheStep() {
    // As the engine integrates a stiff run: to each output time, then on from there, starting
    // with the step the last segment would have taken next.
    double[] times = {0, 0.4, 0.8, 1.2, 4, 40, 400};
    assertSameRun(ROSENBROCK, new RobertsonRhs(false), ROBERTSON_START, times, 3, -1, 50);
  }

  @Test
  void aListenerThatStopsEndsTheIntegrationAtThatStepsEnd() {
    Run own =
        assertSameRun(
            ROSENBROCK, new RobertsonRhs(false), ROBERTSON_START, new double[] {0, 40}, 2, 7, 0);

    assertThat(own.steps()).hasSize(7);
    assertThat(own.ends()[0]).isLessThan(40);
  }

  @Test
  void aStepBelowTheMinimumAndAnIntervalTooShortFailAsInHipparchus() {
    // A state that doubles in 1e-9 s needs steps far below the minimum of 1e-3.
    OrdinaryDifferentialEquation explosive = ode(1, (t, y, d) -> d[0] = 1e9 * y[0]);
    Method method = ROSENBROCK;

    assertFailsAsInHipparchus(
        method, explosive, 1e-3, 0, new double[] {1}, 1, MathIllegalArgumentException.class);
    assertFailsAsInHipparchus(
        method, LINEAR, 1e-12, 1, new double[2], 1, MathIllegalArgumentException.class);
  }

  @Test
  void itAllocatesNothingPerStep() {
    long[] steps = new long[1];

    long allocated =
        allocatedByARun(rosenbrock(1e-8, 1e-10, 1), PROTHERO_ROBINSON, new double[] {1}, 10, steps);

    assertThat(steps[0]).isGreaterThan(1_000);
    assertThat(allocated).isLessThan(1024);
  }

  private static RosenbrockStepper rosenbrock(double rtol, double atol, int dimension) {
    return new RosenbrockStepper(dimension, 1e-12, 1e6, atol, rtol);
  }

  /** Counts accepted steps and checks the dense output at each step's midpoint. */
  private static final class Steps implements Stepper.Listener {
    private final DoubleUnaryOperator exact;
    private final int component;
    private final double[] state;
    private int count;
    private double maxDenseError;

    Steps(int dimension, DoubleUnaryOperator exact, int component) {
      this.state = new double[dimension];
      this.exact = exact;
      this.component = component;
    }

    @Override
    public boolean accepted(Stepper step) {
      count++;
      double mid = (step.start() + step.end()) / 2;
      double y = step.stateAt(mid, state)[component];
      maxDenseError = Math.max(maxDenseError, Math.abs(y - exact.applyAsDouble(mid)));
      return false;
    }
  }

  /** Robertson's kinetics, counting evaluations, with its exact Jacobian when asked to give it. */
  private static final class RobertsonRhs
      implements OrdinaryDifferentialEquation, JacobianProvider {
    private final boolean provides;
    private final double[] derivatives = new double[3];
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
      derivatives[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      derivatives[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
      derivatives[2] = 3e7 * y[1] * y[1];
      return derivatives;
    }

    @Override
    public boolean providesJacobian() {
      return provides;
    }

    @Override
    public void computeJacobian(double t, double[] y, double[][] jacobian) {
      jacobians++;
      jacobian[0][0] = -0.04;
      jacobian[0][1] = 1e4 * y[2];
      jacobian[0][2] = 1e4 * y[1];
      jacobian[1][0] = 0.04;
      jacobian[1][1] = -1e4 * y[2] - 6e7 * y[1];
      jacobian[1][2] = -1e4 * y[1];
      jacobian[2][0] = 0;
      jacobian[2][1] = 6e7 * y[1];
      jacobian[2][2] = 0;
    }
  }
}
