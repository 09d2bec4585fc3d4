package com.fmugateway.adapter.out.fmi.engine;

import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.interpolators.DormandPrince54StateInterpolator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * Hipparchus' Dormand–Prince 5(4), whose steps give the state alone at a time inside them through
 * {@link DormandPrince54Sampling}: the reference the engine's {@link DormandPrince54Stepper} and
 * {@link StateEvents} are compared with, and the check that the sampling is Hipparchus' own.
 */
final class HipparchusDormandPrince54 extends DormandPrince54Integrator {

  HipparchusDormandPrince54(double minStep, double maxStep, double atol, double rtol) {
    super(minStep, maxStep, atol, rtol);
  }

  /**
   * The state at {@code time} within {@code step}: from its stages, written into {@code into} (of
   * the state's length) and returned, when Hipparchus handed over one of this integrator's steps;
   * else a new array, as {@link ODEStateInterpolator#getInterpolatedState} gives it.
   */
  static double[] stateAt(ODEStateInterpolator step, double time, double[] into) {
    return step instanceof Interpolator own
        ? own.stateAt(time, into)
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

    private double[] previousState;
    private double[] currentState;

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
     * The state at {@code time}, after {@code getInterpolatedState}'s own shortcut for a step of no
     * length; into {@code into}, which it returns. Nothing is allocated but the copies of the
     * step's start and end states, once a step.
     */
    double[] stateAt(double time, double[] into) {
      return DormandPrince54Sampling.stateAt(
          getGlobalPreviousState().getTime(),
          previous(),
          getGlobalCurrentState().getTime(),
          current(),
          yDotK,
          time,
          into);
    }

    private double[] previous() {
      if (previousState == null) {
        previousState = getGlobalPreviousState().getCompleteState();
      }
      return previousState;
    }

    private double[] current() {
      if (currentState == null) {
        currentState = getGlobalCurrentState().getCompleteState();
      }
      return currentState;
    }
  }
}
