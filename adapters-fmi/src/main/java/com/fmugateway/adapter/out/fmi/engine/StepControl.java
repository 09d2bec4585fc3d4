package com.fmugateway.adapter.out.fmi.engine;

import java.util.function.DoubleBinaryOperator;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * What Hipparchus' adaptive integrators share and the engine's {@link Stepper}s port, forward only,
 * with scalar tolerances: the interval check, the first step's estimate, the step filter. The
 * arithmetic is Hipparchus', term for term.
 */
final class StepControl {

  private final double minStep;
  private final double maxStep;
  private final double atol;
  private final double rtol;
  private final DoubleBinaryOperator pow;

  /**
   * With {@code pow} for the first step's estimate: {@code FastMath::pow} makes it Hipparchus' to
   * the last bit; the engine's {@link Math#pow} allocates nothing and is within an ulp of it.
   */
  StepControl(double minStep, double maxStep, double atol, double rtol, DoubleBinaryOperator pow) {
    this.minStep = Math.abs(minStep);
    this.maxStep = Math.abs(maxStep);
    this.atol = atol;
    this.rtol = rtol;
    this.pow = pow;
  }

  double pow(double x, double y) {
    return pow.applyAsDouble(x, y);
  }

  double atol() {
    return atol;
  }

  double rtol() {
    return rtol;
  }

  /** StepsizeHelper.getTolerance: the tolerance for a component of magnitude {@code scale}. */
  double tolerance(double scale) {
    return atol + rtol * scale;
  }

  /**
   * AbstractIntegrator.sanityChecks, forward.
   *
   * @throws MathIllegalArgumentException for an interval too short or backwards
   */
  static void checkInterval(double t, double end) {
    double threshold = 1000 * Math.ulp(Math.max(Math.abs(t), Math.abs(end)));
    double interval = Math.abs(t - end);
    if (interval < threshold || !(end > t)) {
      throw new MathIllegalArgumentException(
          LocalizedODEFormats.TOO_SMALL_INTEGRATION_INTERVAL, interval, threshold, false);
    }
  }

  /**
   * AdaptiveStepsizeIntegrator.initializeStep, forward, no initial step given, for a method of
   * {@code order}: from the state {@code y0} and its derivatives {@code yDot0} at {@code t0}, with
   * an Euler step into {@code euler} and the derivatives there into {@code yDot1} (scratch arrays
   * of the state's length).
   */
  double initialStep(
      OrdinaryDifferentialEquation ode,
      double t0,
      double[] y0,
      double[] yDot0,
      int order,
      double[] euler,
      double[] yDot1) {
    int n = y0.length;
    double yOnScale2 = 0;
    double yDotOnScale2 = 0;
    for (int j = 0; j < n; j++) {
      double scale = tolerance(Math.abs(y0[j]));
      double ratio = y0[j] / scale;
      yOnScale2 += ratio * ratio;
      double ratioDot = yDot0[j] / scale;
      yDotOnScale2 += ratioDot * ratioDot;
    }
    double h =
        yOnScale2 < 1.0e-10 || yDotOnScale2 < 1.0e-10
            ? 1.0e-6
            : 0.01 * Math.sqrt(yOnScale2 / yDotOnScale2);
    if (h > maxStep) {
      h = maxStep;
    }
    for (int j = 0; j < n; j++) {
      euler[j] = y0[j] + h * yDot0[j];
    }
    evaluate(ode, t0 + h, euler, yDot1);
    double yDDotOnScale = 0;
    for (int j = 0; j < n; j++) {
      double ratioDotDot = (yDot1[j] - yDot0[j]) / tolerance(Math.abs(y0[j]));
      yDDotOnScale += ratioDotDot * ratioDotDot;
    }
    yDDotOnScale = Math.sqrt(yDDotOnScale) / h;
    double maxInv2 = Math.max(Math.sqrt(yDotOnScale2), yDDotOnScale);
    double h1 =
        maxInv2 < 1.0e-15
            ? Math.max(1.0e-6, 0.001 * Math.abs(h))
            : pow.applyAsDouble(0.01 / maxInv2, 1.0 / order);
    h = Math.min(100.0 * Math.abs(h), h1);
    h = Math.max(h, 1.0e-12 * Math.abs(t0));
    if (h < minStep) {
      h = minStep;
    }
    if (h > maxStep) {
      h = maxStep;
    }
    return h;
  }

  /**
   * StepsizeHelper.filterStep, forward.
   *
   * @throws MathIllegalArgumentException for a step below the minimum, unless small ones are
   *     accepted (then raised to it)
   */
  double filterStep(double h, boolean acceptSmall) {
    double filtered = h;
    if (Math.abs(h) < minStep) {
      if (!acceptSmall) {
        throw new MathIllegalArgumentException(
            LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION,
            Math.abs(h),
            minStep,
            true);
      }
      filtered = minStep;
    }
    return Math.min(filtered, maxStep);
  }

  /**
   * The derivatives at {@code (t, y)} into {@code into}: the ODE may reuse the array it returns.
   */
  static void evaluate(OrdinaryDifferentialEquation ode, double t, double[] y, double[] into) {
    System.arraycopy(ode.computeDerivatives(t, y), 0, into, 0, into.length);
  }
}
