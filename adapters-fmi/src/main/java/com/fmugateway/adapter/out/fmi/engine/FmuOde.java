package com.fmugateway.adapter.out.fmi.engine;

import java.util.Arrays;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * A model-exchange FMU seen by Hipparchus: its continuous states as the ODE, its Jacobian when the
 * FMU provides directional derivatives, and its event indicators for the event detectors. A model
 * without states gets one constant dummy state, as Hipparchus needs at least one, so time and state
 * events are found the same way for it. Counts the derivative evaluations it asks of the FMU.
 */
final class FmuOde implements OrdinaryDifferentialEquation, JacobianProvider {

  private final MeModel fmu;
  private final int states;
  private final InputFeeder inputs;
  private final RunGuard guard;
  private final double[] derivatives;
  private final double[] indicators;
  private long evaluations;
  private final double[] indicatorState;
  private final double[] placedState;
  private double segmentStart;
  private double indicatorTime = Double.NaN;
  // The time and states last given to the FMU: a point it already stands on is not set again
  // (Dormand–Prince's last stage is its step's end, where the step-end handler moves it next).
  private double placedTime = Double.NaN;

  FmuOde(MeModel fmu, InputFeeder inputs, RunGuard guard) {
    this.fmu = fmu;
    this.states = fmu.states();
    this.inputs = inputs;
    this.guard = guard;
    // Without states, the dummy state's derivative: always 0.
    this.derivatives = new double[Math.max(states, 1)];
    this.indicators = new double[fmu.indicators()];
    this.indicatorState = new double[getDimension()];
    this.placedState = new double[states];
  }

  @Override
  public int getDimension() {
    return Math.max(states, 1);
  }

  /**
   * The derivatives at {@code (t, y)} in an array this ODE reuses: valid until the next call.
   * Hipparchus copies the values out at once, so no array is allocated per evaluation.
   */
  @Override
  public double[] computeDerivatives(double t, double[] y) {
    guard.check();
    if (states > 0 && inputs.isEmpty()) { // nothing to set between the states and the derivatives
      fmu.derivativesAt(t, placing(t, y) ? y : null, derivatives);
      evaluations++;
      return derivatives;
    }
    moveTo(t, y);
    if (states > 0) {
      fmu.getDerivatives(derivatives);
      evaluations++;
    }
    return derivatives;
  }

  @Override
  public boolean providesJacobian() {
    return states > 0 && fmu.providesJacobian();
  }

  @Override
  public void computeJacobian(double t, double[] y, double[][] jacobian) {
    guard.check();
    moveTo(t, y);
    fmu.getJacobian(jacobian);
  }

  /** Derivative evaluations asked of the FMU so far. */
  long evaluations() {
    return evaluations;
  }

  /**
   * Whether the FMU must be placed at {@code (t, y)}, where it does not stand yet; if so, that is
   * where it stands once the caller has placed it (a failure to place it fails the run).
   */
  private boolean placing(double t, double[] y) {
    if (t == placedTime && Arrays.equals(y, 0, states, placedState, 0, states)) {
      return false;
    }
    placedTime = t;
    System.arraycopy(y, 0, placedState, 0, states);
    return true;
  }

  /** Sets the FMU's time, states and continuous inputs to those of a point of the trajectory. */
  void moveTo(double t, double[] y) {
    if (placing(t, y)) {
      fmu.placeAt(t, y);
    }
    inputs.applyContinuous(fmu, t, segmentStart);
  }

  /** Samples the outputs at a point of the trajectory, the FMU placed there. */
  void sampleAt(double t, double[] y) {
    if (inputs.isEmpty()) { // nothing to set between the states and the outputs
      fmu.recordOutputsAt(t, placing(t, y) ? y : null);
      return;
    }
    moveTo(t, y);
    fmu.recordOutputs(t);
  }

  /**
   * Event indicator {@code index} at time {@code t} and state vector {@code y}; all indicators come
   * from one FMI call.
   */
  double indicator(double t, double[] y, int index) {
    if (t != indicatorTime || !Arrays.equals(y, indicatorState)) {
      if (inputs.isEmpty()) { // nothing to set between the states and the indicators
        fmu.indicatorsAt(t, placing(t, y) ? y : null, indicators);
      } else {
        moveTo(t, y);
        fmu.getIndicators(indicators);
      }
      indicatorTime = t;
      System.arraycopy(y, 0, indicatorState, 0, indicatorState.length);
    }
    return indicators[index];
  }

  /**
   * A new segment starts at {@code t}, after an output time, event or input sample: held inputs
   * take their next value, and indicators computed and points set before an event are stale.
   */
  void startSegment(double t) {
    segmentStart = t;
    indicatorTime = Double.NaN;
    placedTime = Double.NaN;
    inputs.applyContinuous(fmu, t, t);
  }

  /** The FMU's states as the integrator's state vector. */
  double[] toVector(double[] x) {
    return states == 0 ? new double[1] : x.clone();
  }

  /** The states in an integrator state vector. */
  double[] fromVector(double[] y) {
    return states == 0 ? new double[0] : y.clone();
  }

  /** The FMU's states now; an event may have reset them, so the next point is set anew. */
  double[] readStates() {
    placedTime = Double.NaN;
    double[] x = new double[states];
    if (states > 0) {
      fmu.getStates(x);
    }
    return x;
  }
}
