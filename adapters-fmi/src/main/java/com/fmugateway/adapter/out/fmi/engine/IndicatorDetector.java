package com.fmugateway.adapter.out.fmi.engine;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * One event indicator as a Hipparchus g-function: a sign change is a state event. {@link
 * StateEvents} locates them the same way in the engine's own Dormand–Prince loop.
 */
final class IndicatorDetector implements ODEEventDetector {

  /** Events are located to within this many seconds. */
  static final double TIME_ACCURACY = 1e-10;

  /** Iterations of the root finder locating one event. */
  static final int MAX_ITERATIONS = 100;

  private final StateEvents.Indicators indicators;
  private final int index;
  private final AdaptableInterval maxCheck;
  private final ODEEventHandler handler;
  private final BracketedUnivariateSolver<UnivariateFunction> solver =
      new BracketingNthOrderBrentSolver(1e-14, TIME_ACCURACY, 0, 5);

  IndicatorDetector(
      StateEvents.Indicators indicators, int index, double maxCheck, ODEEventHandler handler) {
    this.indicators = indicators;
    this.index = index;
    this.maxCheck = AdaptableInterval.of(maxCheck);
    this.handler = handler;
  }

  @Override
  public double g(ODEStateAndDerivative state) {
    return indicators.value(state.getTime(), state.getPrimaryState(), index);
  }

  @Override
  public AdaptableInterval getMaxCheckInterval() {
    return maxCheck;
  }

  @Override
  public int getMaxIterationCount() {
    return MAX_ITERATIONS;
  }

  @Override
  public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
    return solver;
  }

  @Override
  public ODEEventHandler getHandler() {
    return handler;
  }
}
