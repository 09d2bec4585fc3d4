package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * An adaptive, L-stable Rosenbrock-W method of order 2 with a third-order error estimate (Shampine
 * and Reichelt's ode23s), for stiff models: each step solves three linear systems with one LU of
 * {@code I - h d J} instead of iterating to convergence. J is computed once per step: by the ODE
 * itself when it is a {@link JacobianProvider} that provides one (an FMU's directional
 * derivatives), else by finite differences of the right-hand side; a W-method stays convergent when
 * J is only approximate. The dense output within a step is the cubic Hermite interpolant of its
 * ends' states and derivatives: third order, one better than the step, and it needs no stages.
 *
 * <p>The step loop is the one the engine ran as a Hipparchus integrator through {@code
 * AbstractIntegrator.acceptStep} (the tests' {@code HipparchusRosenbrock}), in arrays made once:
 * nothing is allocated per step, and with {@code FastMath.pow} for the first step's estimate its
 * steps, states and dense output are that integrator's to the last bit (RosenbrockStepperTest).
 * Events are located in its steps by {@link StateEvents}, as in {@link DormandPrince54Stepper}'s.
 */
final class RosenbrockStepper implements Stepper {

  private static final double D = 1 / (2 + Math.sqrt(2));
  private static final double E32 = 6 + Math.sqrt(2);
  private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));
  private static final double SAFETY = 0.8;
  private static final double MIN_REDUCTION = 0.2;
  private static final double MAX_GROWTH = 5;
  private static final int ORDER = 2;

  private final StepControl control;
  private final int n;
  private final DenseLu lu;
  private final double[][] jacobian;
  private final double[][] w;
  // The step's ends: states and their derivatives, swapped when the next step starts.
  private double[] y0;
  private double[] f0;
  private double[] y1;
  private double[] f1;
  private final double[] dfdt;
  private final double[] k1;
  private final double[] k2;
  private final double[] k3;
  private final double[] rhs;
  private final double[] stage; // the midpoint stage's state, and a shifted state for differences
  private final double[] fStage; // the derivatives there
  private double t0;
  private double t1;
  // The step the last integrate call would have taken next: the master integrates once per
  // output interval, and growing from a cautious first step every time would cost a dozen steps.
  private double carriedStep;
  private long jacobianEvaluations;
  private JacobianSource jacobianSource;

  RosenbrockStepper(int dimension, double minStep, double maxStep, double atol, double rtol) {
    this(dimension, minStep, maxStep, atol, rtol, Math::pow);
  }

  /** With {@code pow} for the first step's estimate (see {@link StepControl}). */
  RosenbrockStepper(
      int dimension,
      double minStep,
      double maxStep,
      double atol,
      double rtol,
      DoubleBinaryOperator pow) {
    this.n = dimension;
    this.control = new StepControl(minStep, maxStep, atol, rtol, pow);
    this.lu = new DenseLu(dimension);
    this.jacobian = new double[dimension][dimension];
    this.w = new double[dimension][dimension];
    this.y0 = new double[dimension];
    this.f0 = new double[dimension];
    this.y1 = new double[dimension];
    this.f1 = new double[dimension];
    this.dfdt = new double[dimension];
    this.k1 = new double[dimension];
    this.k2 = new double[dimension];
    this.k3 = new double[dimension];
    this.rhs = new double[dimension];
    this.stage = new double[dimension];
    this.fStage = new double[dimension];
  }

  /** Jacobians computed so far, over every integrate call. */
  long jacobianEvaluations() {
    return jacobianEvaluations;
  }

  /** Where the last Jacobian came from; empty before the first. */
  Optional<JacobianSource> jacobianSource() {
    return Optional.ofNullable(jacobianSource);
  }

  @Override
  public double start() {
    return t0;
  }

  @Override
  public double end() {
    return t1;
  }

  @Override
  public double[] startState() {
    return y0;
  }

  @Override
  public double[] endState() {
    return y1;
  }

  /**
   * The cubic Hermite interpolant, as Hipparchus' interpolators give it (a step of no length: its
   * end).
   */
  @Override
  public double[] stateAt(double time, double[] into) {
    if (Math.abs(t1 - t0) <= Math.ulp(t1)) {
      System.arraycopy(y1, 0, into, 0, n);
      return into;
    }
    double theta = (time - t0) / (t1 - t0);
    double h = t1 - t0;
    double s = 1 - theta;
    double h00 = s * s * (1 + 2 * theta);
    double h10 = theta * s * s;
    double h01 = theta * theta * (3 - 2 * theta);
    double h11 = -theta * theta * s;
    for (int i = 0; i < n; i++) {
      into[i] = h00 * y0[i] + h01 * y1[i] + h * (h10 * f0[i] + h11 * f1[i]);
    }
    return into;
  }

  @Override
  public void stopAt(double time) {
    stateAt(time, stage); // the stage's scratch array is free between steps
    System.arraycopy(stage, 0, y1, 0, n);
    t1 = time;
  }

  /**
   * {@inheritDoc}
   *
   * @throws MathIllegalArgumentException for an interval too short or a step below the minimum, as
   *     Hipparchus does
   */
  @Override
  public double integrate(
      OrdinaryDifferentialEquation ode, double t, double[] y, double end, Listener listener) {
    StepControl.checkInterval(t, end);
    t0 = t;
    System.arraycopy(y, 0, y0, 0, n);
    StepControl.evaluate(ode, t0, y0, f0);
    JacobianProvider exact =
        ode instanceof JacobianProvider provider && provider.providesJacobian() ? provider : null;
    double hNew =
        carriedStep > 0 ? carriedStep : control.initialStep(ode, t0, y0, f0, ORDER, stage, fStage);
    boolean last;
    do {
      computeJacobian(ode, exact);
      timeDerivative(ode, hNew);
      boolean rejected = false;
      double h;
      double error;
      while (true) {
        h = hNew;
        if (h >= end - t0) {
          h = end - t0;
        }
        error = attempt(ode, h);
        if (error <= 1) {
          break;
        }
        rejected = true;
        double factor =
            Double.isFinite(error)
                ? Math.max(MIN_REDUCTION, SAFETY * Math.pow(error, -1.0 / 3))
                : MIN_REDUCTION;
        hNew = control.filterStep(h * factor, false);
      }
      t1 = t0 + h;
      boolean stop = listener.accepted(this);
      last = stop || Math.abs(t1 - end) < Math.ulp(end);
      advance();
      if (!last) {
        double growth = error == 0 ? MAX_GROWTH : SAFETY * Math.pow(error, -1.0 / 3);
        double factor = Math.min(rejected ? 1 : MAX_GROWTH, Math.max(MIN_REDUCTION, growth));
        double scaled = h * factor;
        hNew = control.filterStep(scaled, t0 + scaled >= end);
        carriedStep = hNew;
        if (t0 + hNew >= end) {
          hNew = end - t0;
        }
      }
    } while (!last);
    System.arraycopy(y0, 0, y, 0, n);
    return t0;
  }

  /** The next step starts where this one ended, with its end's derivatives. */
  private void advance() {
    t0 = t1;
    double[] swap = y0;
    y0 = y1;
    y1 = swap;
    swap = f0;
    f0 = f1;
    f1 = swap;
  }

  /**
   * One trial step of {@code h} from the step's start into {@link #y1} and {@link #f1}: the error
   * norm, above 1 to reject it (infinite where the iteration matrix is singular or the state not
   * finite).
   */
  private double attempt(OrdinaryDifferentialEquation ode, double h) {
    double hd = h * D;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = (i == j ? 1 : 0) - hd * jacobian[i][j];
      }
    }
    if (!lu.factor(w)) {
      return Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < n; i++) {
      rhs[i] = f0[i] + hd * dfdt[i];
    }
    lu.solve(rhs, k1);
    for (int i = 0; i < n; i++) {
      stage[i] = y0[i] + 0.5 * h * k1[i];
    }
    StepControl.evaluate(ode, t0 + 0.5 * h, stage, fStage);
    for (int i = 0; i < n; i++) {
      rhs[i] = fStage[i] - k1[i];
    }
    lu.solve(rhs, k2);
    for (int i = 0; i < n; i++) {
      k2[i] += k1[i];
      y1[i] = y0[i] + h * k2[i];
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y1[i])) {
        return Double.POSITIVE_INFINITY;
      }
    }
    StepControl.evaluate(ode, t0 + h, y1, f1);
    for (int i = 0; i < n; i++) {
      rhs[i] = f1[i] - E32 * (k2[i] - fStage[i]) - 2 * (k1[i] - f0[i]) + hd * dfdt[i];
    }
    lu.solve(rhs, k3);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double e = h / 6 * (k1[i] - 2 * k2[i] + k3[i]);
      double tolerance = control.tolerance(Math.max(Math.abs(y0[i]), Math.abs(y1[i])));
      sum += (e / tolerance) * (e / tolerance);
    }
    double error = Math.sqrt(sum / n);
    return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
  }

  /**
   * df/dy at the step's start from the ODE when it provides it, else by forward differences, column
   * j perturbed by sqrt(eps) max(|y_j|, atol/rtol).
   */
  private void computeJacobian(OrdinaryDifferentialEquation ode, JacobianProvider exact) {
    jacobianEvaluations++;
    if (exact != null) {
      jacobianSource = JacobianSource.DIRECTIONAL_DERIVATIVES;
      exact.computeJacobian(t0, y0, jacobian);
      return;
    }
    jacobianSource = JacobianSource.FINITE_DIFFERENCES;
    double floor = control.atol() / control.rtol();
    double[] shifted = stage;
    System.arraycopy(y0, 0, shifted, 0, n);
    for (int j = 0; j < n; j++) {
      double delta = SQRT_EPS * Math.max(Math.abs(y0[j]), floor);
      shifted[j] = y0[j] + delta;
      delta = shifted[j] - y0[j];
      StepControl.evaluate(ode, t0, shifted, fStage);
      for (int i = 0; i < n; i++) {
        jacobian[i][j] = (fStage[i] - f0[i]) / delta;
      }
      shifted[j] = y0[j];
    }
  }

  /** df/dt at the step's start by a forward difference, for time-varying inputs or sources. */
  private void timeDerivative(OrdinaryDifferentialEquation ode, double hHint) {
    double delta = SQRT_EPS * Math.max(Math.abs(t0), Math.max(Math.abs(hHint), 1e-10));
    double shifted = t0 + delta;
    StepControl.evaluate(ode, shifted, y0, fStage);
    for (int i = 0; i < n; i++) {
      dfdt[i] = (fStage[i] - f0[i]) / (shifted - t0);
    }
  }
}
