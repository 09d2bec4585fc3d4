package com.fmugateway.adapter.out.fmi.engine;

import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.AbstractODEStateInterpolator;

/**
 * Dense output of a step from the states and derivatives at its two ends (cubic Hermite): third
 * order, one better than the Rosenbrock step it serves, and it needs no stage values.
 */
final class HermiteInterpolator extends AbstractODEStateInterpolator {

  private static final long serialVersionUID = 1L;

  HermiteInterpolator(
      boolean forward,
      ODEStateAndDerivative globalPrevious,
      ODEStateAndDerivative globalCurrent,
      ODEStateAndDerivative softPrevious,
      ODEStateAndDerivative softCurrent,
      EquationsMapper mapper) {
    super(forward, globalPrevious, globalCurrent, softPrevious, softCurrent, mapper);
  }

  @Override
  protected HermiteInterpolator create(
      boolean forward,
      ODEStateAndDerivative globalPrevious,
      ODEStateAndDerivative globalCurrent,
      ODEStateAndDerivative softPrevious,
      ODEStateAndDerivative softCurrent,
      EquationsMapper mapper) {
    return new HermiteInterpolator(
        forward, globalPrevious, globalCurrent, softPrevious, softCurrent, mapper);
  }

  @Override
  protected ODEStateAndDerivative computeInterpolatedStateAndDerivatives(
      EquationsMapper mapper, double time, double theta, double thetaH, double oneMinusThetaH) {
    ODEStateAndDerivative start = getGlobalPreviousState();
    ODEStateAndDerivative end = getGlobalCurrentState();
    double h = end.getTime() - start.getTime();
    double[] y0 = start.getCompleteState();
    double[] f0 = start.getCompleteDerivative();
    double[] y1 = end.getCompleteState();
    double[] f1 = end.getCompleteDerivative();
    double s = 1 - theta;
    double h00 = s * s * (1 + 2 * theta);
    double h10 = theta * s * s;
    double h01 = theta * theta * (3 - 2 * theta);
    double h11 = -theta * theta * s;
    double d00 = 6 * theta * (theta - 1);
    double d10 = (1 - theta) * (1 - 3 * theta);
    double d11 = theta * (3 * theta - 2);
    double[] y = new double[y0.length];
    double[] yDot = new double[y0.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = h00 * y0[i] + h01 * y1[i] + h * (h10 * f0[i] + h11 * f1[i]);
      yDot[i] = h == 0 ? f1[i] : d00 * (y0[i] - y1[i]) / h + d10 * f0[i] + d11 * f1[i];
    }
    return mapper.mapStateAndDerivative(time, y, yDot);
  }
}
