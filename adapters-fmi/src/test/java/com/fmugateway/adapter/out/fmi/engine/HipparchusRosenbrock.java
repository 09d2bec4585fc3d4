package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.util.Optional;
import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;

/**
 * The engine's Rosenbrock method as it was before {@link RosenbrockStepper}, a Hipparchus
 * integrator stepping through {@code AbstractIntegrator.acceptStep}: the reference the stepper is
 * compared with (RosenbrockStepperTest, StateEventsTest). An adaptive, L-stable Rosenbrock-W method
 * of order 2 with a third-order error estimate (Shampine and Reichelt's ode23s), for stiff models:
 * each step solves three linear systems with one LU of {@code I - h d J} instead of iterating to
 * convergence. J is computed once per step: by the ODE itself when it is a {@link JacobianProvider}
 * that provides one (an FMU's directional derivatives), else by finite differences of the
 * right-hand side; a W-method stays convergent when J is only approximate. Events, step handlers
 * and step-end handlers work as with Hipparchus' own integrators, through {@link #acceptStep} and a
 * cubic Hermite dense output.
 */
final class HipparchusRosenbrock extends AdaptiveStepsizeIntegrator {

  static final String NAME = "Rosenbrock 2(3)";

  private static final double D = 1 / (2 + Math.sqrt(2));
  private static final double E32 = 6 + Math.sqrt(2);
  private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));
  private static final double SAFETY = 0.8;
  private static final double MIN_REDUCTION = 0.2;
  private static final double MAX_GROWTH = 5;

  private final double absoluteTolerance;
  private final double relativeTolerance;
  // The step the last integrate call would have taken next: the master calls integrate once per
  // output interval, and growing from a cautious first step every time would cost a dozen steps.
  private double carriedStep;
  private long jacobianEvaluations;
  private Optional<JacobianSource> jacobianSource = Optional.empty();

  HipparchusRosenbrock(
      double minStep, double maxStep, double absoluteTolerance, double relativeTolerance) {
    super(NAME, minStep, maxStep, absoluteTolerance, relativeTolerance);
    this.absoluteTolerance = absoluteTolerance;
    this.relativeTolerance = relativeTolerance;
  }

  /** Jacobians computed so far, over every integrate call. */
  long jacobianEvaluations() {
    return jacobianEvaluations;
  }

  /** Where the last Jacobian came from; empty before the first. */
  Optional<JacobianSource> jacobianSource() {
    return jacobianSource;
  }

  /** One trial step: the end state, its derivative, and the error norm (above 1: reject). */
  private record Trial(double[] y, double[] yDot, double error) {}

  @Override
  public ODEStateAndDerivative integrate(
      ExpandableODE equations, ODEState initialState, double finalTime) {
    sanityChecks(initialState, finalTime);
    setStepStart(initIntegration(equations, initialState, finalTime));
    boolean forward = finalTime > initialState.getTime();
    EquationsMapper mapper = equations.getMapper();
    JacobianProvider exact =
        equations.getPrimary() instanceof JacobianProvider provider
                && provider.providesJacobian()
                && mapper.getNumberOfEquations() == 1
            ? provider
            : null;
    double hNew = 0;
    boolean firstTime = true;
    setIsLastStep(false);
    do {
      ODEStateAndDerivative start = getStepStart();
      double[] y = start.getCompleteState();
      double[] f0 = start.getCompleteDerivative();
      if (firstTime) {
        boolean carried = carriedStep != 0 && carriedStep > 0 == forward;
        hNew = carried ? carriedStep : initializeStep(forward, 2, scale(y), start);
        firstTime = false;
      }
      double[][] jacobian = jacobian(exact, start.getTime(), y, f0);
      double[] dfdt = timeDerivative(start.getTime(), y, f0, hNew);
      boolean rejected = false;
      Trial trial;
      while (true) {
        setStepSize(hNew);
        double remaining = finalTime - start.getTime();
        if (forward ? getStepSize() >= remaining : getStepSize() <= remaining) {
          setStepSize(remaining);
        }
        trial = attempt(start.getTime(), y, f0, jacobian, dfdt, getStepSize());
        if (trial.error() <= 1) {
          break;
        }
        rejected = true;
        double factor =
            Double.isFinite(trial.error())
                ? Math.max(MIN_REDUCTION, SAFETY * Math.pow(trial.error(), -1.0 / 3))
                : MIN_REDUCTION;
        hNew = getStepSizeHelper().filterStep(getStepSize() * factor, forward, false);
      }
      double stepEnd = start.getTime() + getStepSize();
      ODEStateAndDerivative end = mapper.mapStateAndDerivative(stepEnd, trial.y(), trial.yDot());
      setStepStart(
          acceptStep(new HermiteInterpolator(forward, start, end, start, end, mapper), finalTime));
      if (!isLastStep()) {
        double growth =
            trial.error() == 0 ? MAX_GROWTH : SAFETY * Math.pow(trial.error(), -1.0 / 3);
        double factor = Math.min(rejected ? 1 : MAX_GROWTH, Math.max(MIN_REDUCTION, growth));
        double scaled = getStepSize() * factor;
        double nextT = getStepStart().getTime() + scaled;
        boolean nextIsLast = forward ? nextT >= finalTime : nextT <= finalTime;
        hNew = getStepSizeHelper().filterStep(scaled, forward, nextIsLast);
        carriedStep = hNew;
        double filteredNextT = getStepStart().getTime() + hNew;
        if (forward ? filteredNextT >= finalTime : filteredNextT <= finalTime) {
          hNew = finalTime - getStepStart().getTime();
        }
      }
    } while (!isLastStep());
    ODEStateAndDerivative finalState = getStepStart();
    resetInternalState();
    return finalState;
  }

  private Trial attempt(
      double t, double[] y, double[] f0, double[][] jacobian, double[] dfdt, double h) {
    int n = y.length;
    double hd = h * D;
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = (i == j ? 1 : 0) - hd * jacobian[i][j];
      }
    }
    DenseLu lu = new DenseLu(n);
    if (!lu.factor(w)) {
      return new Trial(y, f0, Double.POSITIVE_INFINITY);
    }
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      rhs[i] = f0[i] + hd * dfdt[i];
    }
    double[] k1 = new double[n];
    lu.solve(rhs, k1);
    double[] y1 = new double[n];
    for (int i = 0; i < n; i++) {
      y1[i] = y[i] + 0.5 * h * k1[i];
    }
    double[] f1 = computeDerivatives(t + 0.5 * h, y1);
    for (int i = 0; i < n; i++) {
      rhs[i] = f1[i] - k1[i];
    }
    double[] k2 = new double[n];
    lu.solve(rhs, k2);
    double[] yNew = new double[n];
    for (int i = 0; i < n; i++) {
      k2[i] += k1[i];
      yNew[i] = y[i] + h * k2[i];
    }
    if (!allFinite(yNew)) {
      return new Trial(y, f0, Double.POSITIVE_INFINITY);
    }
    double[] f2 = computeDerivatives(t + h, yNew);
    for (int i = 0; i < n; i++) {
      rhs[i] = f2[i] - E32 * (k2[i] - f1[i]) - 2 * (k1[i] - f0[i]) + hd * dfdt[i];
    }
    double[] k3 = new double[n];
    lu.solve(rhs, k3);
    int checked = getStepSizeHelper().getMainSetDimension();
    double sum = 0;
    for (int i = 0; i < checked; i++) {
      double e = h / 6 * (k1[i] - 2 * k2[i] + k3[i]);
      double tolerance =
          getStepSizeHelper().getTolerance(i, Math.max(Math.abs(y[i]), Math.abs(yNew[i])));
      sum += (e / tolerance) * (e / tolerance);
    }
    double error = Math.sqrt(sum / checked);
    return new Trial(yNew, f2, Double.isNaN(error) ? Double.POSITIVE_INFINITY : error);
  }

  /**
   * df/dy from the ODE when it provides it, else by forward differences, column j perturbed by
   * sqrt(eps) max(|y_j|, atol/rtol).
   */
  private double[][] jacobian(JacobianProvider exact, double t, double[] y, double[] f0) {
    int n = y.length;
    double[][] jacobian = new double[n][n];
    jacobianEvaluations++;
    if (exact != null) {
      jacobianSource = Optional.of(JacobianSource.DIRECTIONAL_DERIVATIVES);
      exact.computeJacobian(t, y, jacobian);
      return jacobian;
    }
    jacobianSource = Optional.of(JacobianSource.FINITE_DIFFERENCES);
    double floor = absoluteTolerance / relativeTolerance;
    double[] shifted = y.clone();
    for (int j = 0; j < n; j++) {
      double delta = SQRT_EPS * Math.max(Math.abs(y[j]), floor);
      shifted[j] = y[j] + delta;
      delta = shifted[j] - y[j];
      double[] f = computeDerivatives(t, shifted);
      for (int i = 0; i < n; i++) {
        jacobian[i][j] = (f[i] - f0[i]) / delta;
      }
      shifted[j] = y[j];
    }
    return jacobian;
  }

  /** df/dt by a forward difference, for models with time-varying inputs or sources. */
  private double[] timeDerivative(double t, double[] y, double[] f0, double hHint) {
    double delta = SQRT_EPS * Math.max(Math.abs(t), Math.max(Math.abs(hHint), 1e-10));
    double shifted = t + delta;
    double[] f = computeDerivatives(shifted, y);
    double[] dfdt = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      dfdt[i] = (f[i] - f0[i]) / (shifted - t);
    }
    return dfdt;
  }

  private double[] scale(double[] y) {
    double[] scale = new double[getStepSizeHelper().getMainSetDimension()];
    for (int i = 0; i < scale.length; i++) {
      scale[i] = getStepSizeHelper().getTolerance(i, Math.abs(y[i]));
    }
    return scale;
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
