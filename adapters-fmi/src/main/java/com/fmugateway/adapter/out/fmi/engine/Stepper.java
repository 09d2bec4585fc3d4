package com.fmugateway.adapter.out.fmi.engine;

import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * One of the engine's own step loops ({@link DormandPrince54Stepper}, {@link RosenbrockStepper}):
 * the {@code integrate} of a Hipparchus integrator (Dormand–Prince's; the Rosenbrock method the
 * engine had written on Hipparchus' adaptive-step base), in arrays made once, reporting each
 * accepted step to a {@link Listener} while the step is the one {@link #start()}, {@link #end()}
 * and {@link #stateAt} describe. Forward only, scalar tolerances, as the engine uses them.
 */
interface Stepper {

  /** Hears of each accepted step, in order. */
  interface Listener {
    /**
     * The step from {@link #start()} to {@link #end()} is accepted; {@link #stateAt} gives states
     * within it. True stops the integration at its end, or where {@link #stopAt} cut it.
     */
    boolean accepted(Stepper step);
  }

  /**
   * Integrates {@code ode} from {@code (t, y)} to {@code end}, reporting each accepted step to
   * {@code listener}; returns the time it stopped at, where {@code y} then holds the state.
   */
  double integrate(
      OrdinaryDifferentialEquation ode, double t, double[] y, double end, Listener listener);

  /** Where the step being reported starts. */
  double start();

  /** Where the step being reported ends. */
  double end();

  /** The state at the start of the step being reported; the stepper's own array, do not keep. */
  double[] startState();

  /** The state at the end of the step being reported; the stepper's own array, do not keep. */
  double[] endState();

  /** The state at {@code time} within the step being reported, into {@code into}, returned. */
  double[] stateAt(double time, double[] into);

  /**
   * Cuts the step being reported short at {@code time} within it (a state event stops there): it
   * ends there, with the state its dense output gives; the listener then returns true to stop.
   */
  void stopAt(double time);
}
