package com.fmugateway.adapter.out.fmi.engine;

import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.interpolators.DormandPrince54StateInterpolator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * Hipparchus' Dormand–Prince 5(4), whose steps give the state alone at an output time inside them.
 * Hipparchus' interpolator computes the derivatives there too and wraps both in a new state object:
 * with VanDerPol sampled 2,001 times over 174 steps, about a fifth of the engine's run went to
 * that. The state is the same linear combination of the step's stages, with the same coefficients
 * (Shampine's dense output, as in {@link DormandPrince54StateInterpolator}), so the values are the
 * same to the last bit.
 */
final class DormandPrince54Sampling extends DormandPrince54Integrator {

  DormandPrince54Sampling(double minStep, double maxStep, double atol, double rtol) {
    super(minStep, maxStep, atol, rtol);
  }

  /**
   * The state at {@code time} within {@code step}: from its stages when Hipparchus handed over one
   * of this integrator's steps, else as {@link ODEStateInterpolator#getInterpolatedState} gives it.
   */
  static double[] stateAt(ODEStateInterpolator step, double time) {
    return step instanceof Interpolator own
        ? own.stateAt(time)
        : step.getInterpolatedState(time).getPrimaryState();
  }

  @Override
  protected DormandPrince54StateInterpolator createInterpolator(
      boolean forward,
      double[][] yDotK,
      ODEStateAndDerivative globalPreviousState,
      ODEStateAndDerivative globalCurrentState,
      EquationsMapper mapper) {
    return new Interpolator(
        forward,
        yDotK,
        globalPreviousState,
        globalCurrentState,
        globalPreviousState,
        globalCurrentState,
        mapper);
  }

  /** Hipparchus' interpolator, and the state alone; restricted copies are of this class too. */
  static final class Interpolator extends DormandPrince54StateInterpolator {

    // DormandPrince54StateInterpolator's (private there): the last row of the Butcher array, then
    // Shampine's dense output coefficients.
    private static final double A70 = 35.0 / 384.0;
    private static final double A72 = 500.0 / 1113.0;
    private static final double A73 = 125.0 / 192.0;
    private static final double A74 = -2187.0 / 6784.0;
    private static final double A75 = 11.0 / 84.0;
    private static final double D0 = -12715105075.0 / 11282082432.0;
    private static final double D2 = 87487479700.0 / 32700410799.0;
    private static final double D3 = -10690763975.0 / 1880347072.0;
    private static final double D4 = 701980252875.0 / 199316789632.0;
    private static final double D5 = -1453857185.0 / 822651844.0;
    private static final double D6 = 69997945.0 / 29380423.0;

    Interpolator(
        boolean forward,
        double[][] yDotK,
        ODEStateAndDerivative globalPreviousState,
        ODEStateAndDerivative globalCurrentState,
        ODEStateAndDerivative softPreviousState,
        ODEStateAndDerivative softCurrentState,
        EquationsMapper mapper) {
      super(
          forward,
          yDotK,
          globalPreviousState,
          globalCurrentState,
          softPreviousState,
          softCurrentState,
          mapper);
    }

    @Override
    protected Interpolator create(
        boolean newForward,
        double[][] newYDotK,
        ODEStateAndDerivative newGlobalPreviousState,
        ODEStateAndDerivative newGlobalCurrentState,
        ODEStateAndDerivative newSoftPreviousState,
        ODEStateAndDerivative newSoftCurrentState,
        EquationsMapper newMapper) {
      return new Interpolator(
          newForward,
          newYDotK,
          newGlobalPreviousState,
          newGlobalCurrentState,
          newSoftPreviousState,
          newSoftCurrentState,
          newMapper);
    }

    /**
     * The state part of {@code computeInterpolatedStateAndDerivatives}, term for term, after {@code
     * getInterpolatedState}'s own shortcut for a step of no length.
     */
    double[] stateAt(double time) {
      double previous = getGlobalPreviousState().getTime();
      double current = getGlobalCurrentState().getTime();
      if (Math.abs(current - previous) <= Math.ulp(current)) {
        return getGlobalCurrentState().getPrimaryState();
      }
      double thetaH = time - previous;
      double oneMinusThetaH = current - time;
      double theta = thetaH / (current - previous);
      double eta = 1 - theta;
      if (theta <= 0.5) {
        double f1 = thetaH;
        double f2 = f1 * eta;
        double f3 = f2 * theta;
        double f4 = f3 * eta;
        return previousStateLinearCombination(coefficients(f1, f2, f3, f4));
      }
      double f1 = -oneMinusThetaH;
      double f2 = oneMinusThetaH * theta;
      double f3 = f2 * theta;
      double f4 = f3 * eta;
      return currentStateLinearCombination(coefficients(f1, f2, f3, f4));
    }

    private static double[] coefficients(double f1, double f2, double f3, double f4) {
      return new double[] {
        f1 * A70 - f2 * (A70 - 1) + f3 * (2 * A70 - 1) + f4 * D0,
        0,
        f1 * A72 - f2 * A72 + f3 * (2 * A72) + f4 * D2,
        f1 * A73 - f2 * A73 + f3 * (2 * A73) + f4 * D3,
        f1 * A74 - f2 * A74 + f3 * (2 * A74) + f4 * D4,
        f1 * A75 - f2 * A75 + f3 * (2 * A75) + f4 * D5,
        f4 * D6 - f3
      };
    }
  }
}
