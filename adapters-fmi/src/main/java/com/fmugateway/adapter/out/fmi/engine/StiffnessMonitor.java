package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SolverKind;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * Decides when an {@code auto} run's explicit solver has run into stiffness. Every {@link #WINDOW}
 * accepted steps it estimates the Jacobian's spectral radius ρ by a few power iterations on finite
 * differences of the right-hand side (a handful of evaluations per hundred steps). Steps whose mean
 * h has h·ρ at or above {@link #STIFF_PRODUCT} sit on Dormand–Prince's stability boundary (about
 * 3.3 on the negative real axis) instead of being set by accuracy: the model is stiff, and from
 * then on the run is the Rosenbrock method's. Runs the explicit method would finish in fewer than
 * {@link #MIN_REMAINING_STEPS} more steps never switch; nothing switches back.
 */
final class StiffnessMonitor {

  static final int WINDOW = 100;
  static final double STIFF_PRODUCT = 2;
  static final double MIN_REMAINING_STEPS = 1000;

  private static final int POWER_ITERATIONS = 8;
  private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

  private final boolean armed;
  private final double stopTime;
  private final OrdinaryDifferentialEquation ode;
  private double previous;
  private double covered;
  private int count;
  private boolean tripped;
  private boolean switchPending;

  StiffnessMonitor(SimulationPlan plan, OrdinaryDifferentialEquation ode) {
    this.armed = plan.solver().kind() == SolverKind.AUTO;
    this.stopTime = plan.stopTime();
    this.ode = ode;
  }

  /** The explicit solver (re)starts at {@code t}, after an output time or event. */
  void startAt(double t) {
    previous = t;
  }

  /** True once, at the accepted step ending at {@code (t, y)} that shows the run is stiff. */
  boolean stiffAfter(double t, double[] y) {
    if (!armed || tripped) {
      return false;
    }
    covered += t - previous;
    previous = t;
    if (++count < WINDOW) {
      return false;
    }
    double meanStep = covered / count;
    count = 0;
    covered = 0;
    if (stopTime - t < MIN_REMAINING_STEPS * meanStep) {
      return false;
    }
    tripped = meanStep * spectralRadius(t, y) >= STIFF_PRODUCT;
    switchPending = tripped;
    return tripped;
  }

  /** True once after the monitor tripped: the caller switches to the stiff solver now. */
  boolean takeSwitch() {
    boolean pending = switchPending;
    switchPending = false;
    return pending;
  }

  /** |J v| for the unit v that power iteration turns towards J's dominant eigenvector. */
  private double spectralRadius(double t, double[] y) {
    int n = y.length;
    // A copy: the ODE may hand out the same array at the next evaluation.
    double[] f = ode.computeDerivatives(t, y).clone();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i % 2 == 0 ? 1.0 : -1.0) / (i + 1); // generic: not orthogonal to any mode
    }
    double delta = SQRT_EPS * Math.max(1, norm(y));
    double radius = 0;
    double[] shifted = new double[n];
    for (int k = 0; k < POWER_ITERATIONS; k++) {
      double length = norm(v);
      if (length == 0 || !Double.isFinite(length)) {
        return radius;
      }
      for (int i = 0; i < n; i++) {
        shifted[i] = y[i] + delta * v[i] / length;
      }
      double[] g = ode.computeDerivatives(t, shifted);
      for (int i = 0; i < n; i++) {
        v[i] = (g[i] - f[i]) / delta;
      }
      radius = norm(v);
    }
    return radius;
  }

  private static double norm(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
