package com.fmugateway.adapter.out.fmi.engine;

import java.util.function.DoubleBinaryOperator;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * Hipparchus' Dormand–Prince 5(4) step loop ({@code EmbeddedRungeKuttaIntegrator.integrate} with
 * {@link DormandPrince54Integrator}'s tableau, error estimate and step-size control), for a run
 * whose FMU has no event indicators. With no event detector to serve, it needs none of Hipparchus'
 * per-step objects (copies of the state, an interpolator and its restricted copies, an array per
 * derivative evaluation, the event queue and its streams): it works in arrays made once, and
 * allocates nothing per step. Forward only, scalar tolerances, as the engine uses them.
 *
 * <p>The arithmetic is Hipparchus', term for term and in the same order, so with {@code
 * FastMath.pow} for the step-size factor its steps and states are Hipparchus' to the last bit
 * (DormandPrince54StepperTest). The engine's uses {@link Math#pow}, which allocates nothing ({@code
 * FastMath.pow} allocates an array per call) and is within an ulp of it: a step size may differ in
 * its last bit.
 */
final class DormandPrince54Stepper implements Stepper {

  // DormandPrince54Integrator's tableau (getC, getA, getB) and error coefficients.
  private static final double[] C = {1.0 / 5.0, 3.0 / 10.0, 4.0 / 5.0, 8.0 / 9.0, 1.0, 1.0};
  private static final double[][] A = {
    {1.0 / 5.0},
    {3.0 / 40.0, 9.0 / 40.0},
    {44.0 / 45.0, -56.0 / 15.0, 32.0 / 9.0},
    {19372.0 / 6561.0, -25360.0 / 2187.0, 64448.0 / 6561.0, -212.0 / 729.0},
    {9017.0 / 3168.0, -355.0 / 33.0, 46732.0 / 5247.0, 49.0 / 176.0, -5103.0 / 18656.0},
    {35.0 / 384.0, 0.0, 500.0 / 1113.0, 125.0 / 192.0, -2187.0 / 6784.0, 11.0 / 84.0}
  };
  private static final double[] B = {
    35.0 / 384.0, 0.0, 500.0 / 1113.0, 125.0 / 192.0, -2187.0 / 6784.0, 11.0 / 84.0, 0.0
  };
  private static final double E1 = 71.0 / 57600.0;
  private static final double E3 = -71.0 / 16695.0;
  private static final double E4 = 71.0 / 1920.0;
  private static final double E5 = -17253.0 / 339200.0;
  private static final double E6 = 22.0 / 525.0;
  private static final double E7 = -1.0 / 40.0;

  private static final int STAGES = 7;
  private static final int ORDER = 5;
  // EmbeddedRungeKuttaIntegrator's defaults.
  private static final double SAFETY = 0.9;
  private static final double MIN_REDUCTION = 0.2;
  private static final double MAX_GROWTH = 10.0;
  private static final double EXPONENT = -1.0 / ORDER;

  private final StepControl control;
  private final int n;
  // The stages' derivatives; the first is the step start's, the last the step end's (FSAL).
  private double[][] k;
  private double[] y0;
  private double[] y1;
  private final double[] stage;
  private double t0;
  private double t1;

  DormandPrince54Stepper(int dimension, double minStep, double maxStep, double atol, double rtol) {
    this(dimension, minStep, maxStep, atol, rtol, Math::pow);
  }

  /** With {@code pow} for the step-size factor: {@code FastMath::pow} makes it Hipparchus'. */
  DormandPrince54Stepper(
      int dimension,
      double minStep,
      double maxStep,
      double atol,
      double rtol,
      DoubleBinaryOperator pow) {
    this.n = dimension;
    this.control = new StepControl(minStep, maxStep, atol, rtol, pow);
    this.k = new double[STAGES][dimension];
    this.y0 = new double[dimension];
    this.y1 = new double[dimension];
    this.stage = new double[dimension];
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

  @Override
  public double[] stateAt(double time, double[] into) {
    return DormandPrince54Sampling.stateAt(t0, y0, t1, y1, k, time, into);
  }

  @Override
  public void stopAt(double time) {
    stateAt(time, stage); // the stages' scratch array is free between steps
    System.arraycopy(stage, 0, y1, 0, n);
    t1 = time;
  }

  /**
   * {@inheritDoc}
   *
   * @throws MathIllegalArgumentException for an interval too short or a step below the minimum, as
   *     Hipparchus does
   * @throws MathIllegalStateException when the error estimate is not a number, as Hipparchus does
   */
  @Override
  public double integrate(
      OrdinaryDifferentialEquation ode, double t, double[] y, double end, Listener listener) {
    StepControl.checkInterval(t, end);
    t0 = t;
    System.arraycopy(y, 0, y0, 0, n);
    StepControl.evaluate(ode, t0, y0, k[0]);
    double hNew = control.initialStep(ode, t0, y0, k[0], ORDER, stage, k[1]);
    boolean last;
    do {
      double h = 0;
      double error = 10;
      while (error >= 1.0) {
        h = hNew;
        if (t0 + h >= end) {
          h = end - t0;
        }
        takeStep(ode, h);
        error = estimateError(h);
        if (Double.isNaN(error)) {
          throw new MathIllegalStateException(
              LocalizedODEFormats.NAN_APPEARING_DURING_INTEGRATION, t0 + h);
        }
        if (error >= 1.0) {
          hNew = control.filterStep(h * factor(error), false);
        }
      }
      t1 = t0 + h;
      boolean stop = listener.accepted(this);
      last = stop || Math.abs(t1 - end) < Math.ulp(end);
      advance();
      if (!last) {
        double scaledH = h * factor(error);
        hNew = control.filterStep(scaledH, t0 + scaledH >= end);
        if (t0 + hNew >= end) {
          hNew = end - t0;
        }
      }
    } while (!last);
    System.arraycopy(y0, 0, y, 0, n);
    return t0;
  }

  /** The next step starts where this one ended, with its end's derivatives (FSAL). */
  private void advance() {
    t0 = t1;
    double[] swap = y0;
    y0 = y1;
    y1 = swap;
    swap = k[0];
    k[0] = k[STAGES - 1];
    k[STAGES - 1] = swap;
  }

  private double factor(double error) {
    return Math.min(MAX_GROWTH, Math.max(MIN_REDUCTION, SAFETY * control.pow(error, EXPONENT)));
  }

  /**
   * The stages after the first, then the step's end: the Butcher weights, as Hipparchus adds them.
   */
  private void takeStep(OrdinaryDifferentialEquation ode, double h) {
    for (int s = 1; s < STAGES; s++) {
      double[] a = A[s - 1];
      for (int j = 0; j < n; j++) {
        double sum = k[0][j] * a[0];
        for (int l = 1; l < s; l++) {
          sum += k[l][j] * a[l];
        }
        stage[j] = y0[j] + h * sum;
      }
      StepControl.evaluate(ode, t0 + h * C[s - 1], stage, k[s]);
    }
    for (int j = 0; j < n; j++) {
      double sum = k[0][j] * B[0];
      for (int l = 1; l < STAGES; l++) {
        sum += k[l][j] * B[l];
      }
      y1[j] = y0[j];
      y1[j] += h * sum;
    }
  }

  /** DormandPrince54Integrator.estimateError. */
  private double estimateError(double h) {
    double error = 0;
    for (int j = 0; j < n; j++) {
      double errSum =
          E1 * k[0][j] + E3 * k[2][j] + E4 * k[3][j] + E5 * k[4][j] + E6 * k[5][j] + E7 * k[6][j];
      double tol = control.tolerance(Math.max(Math.abs(y0[j]), Math.abs(y1[j])));
      double ratio = h * errSum / tol;
      error += ratio * ratio;
    }
    return Math.sqrt(error / n);
  }
}
