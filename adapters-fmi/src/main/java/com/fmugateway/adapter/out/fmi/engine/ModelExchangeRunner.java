package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.SolverStatistics;
import java.util.List;
import java.util.Optional;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * Model-exchange master, for FMI 2.0 and 3.0 alike through {@link MeModel}. Integrates segment by
 * segment, each ending at the next time event or input sample (with the fixed-step solvers, also at
 * the next output time); a segment stops early at a state event (indicator sign change, located to
 * {@link IndicatorDetector#TIME_ACCURACY}) or when the FMU's completedIntegratorStep asks for event
 * mode. At every event the FMU runs its event iteration, after which the states are read back (the
 * event may have reset them) and integration restarts. The adaptive solvers take their steps
 * through output times: an output time inside a step is sampled from the step's dense output (the
 * FMU placed there), one at a segment's end from where the segment ended, after its event if any. A
 * segment per output time would restart the integrator at every output, with an initial step
 * estimated anew and no step longer than the output interval, whatever the tolerance allowed.
 *
 * <p>Dormand–Prince and the Rosenbrock method ({@code auto} starts with the one and may switch to
 * the other) step through the engine's {@link Stepper}s, step loops in arrays made once, with
 * {@link StateEvents} locating the state events in their steps as Hipparchus' event detectors
 * would: nothing is allocated per step but in a step holding an event. The other solvers ({@code
 * dormand_prince_853}, {@code euler}, {@code rk4}) step through Hipparchus' integrators, whose
 * event detectors ({@link IndicatorDetector}) locate the state events.
 */
final class ModelExchangeRunner {

  private static final int MAX_EVENT_ITERATIONS = 10_000;

  private final MeModel fmu;
  private final SimulationPlan plan;
  private final InputFeeder inputs;
  private final RunGuard guard;
  private final MeModel.EventUpdate eventInfo = new MeModel.EventUpdate();
  private FmuOde ode;
  private StiffnessMonitor stiffness;
  private ODEIntegrator integrator; // Hipparchus', unless a stepper takes the run
  private Stepper stepper; // the engine's own, else null
  private StateEvents stateEvents; // in the stepper's steps, when the FMU has event indicators
  private final Stepper.Listener onStep = this::stepped;
  private double t;
  private double[] x;
  private double[] sampled; // the state at an output time inside a step, sampleWithin's
  private boolean stateEvent;
  private boolean stepEvent;
  private boolean terminated;
  private long steps;
  private long events;
  private final boolean fixedStep;
  private int samples;
  private int nextSample;

  ModelExchangeRunner(MeModel fmu, SimulationPlan plan, InputFeeder inputs, RunGuard guard) {
    this.fmu = fmu;
    this.plan = plan;
    this.inputs = inputs;
    this.guard = guard;
    SolverKind kind = plan.solver().kind();
    this.fixedStep = kind == SolverKind.EULER || kind == SolverKind.RK4;
  }

  private ODEIntegrator withHandlers(ODEIntegrator created) {
    for (int j = 0; j < fmu.indicators(); j++) {
      created.addEventDetector(
          new IndicatorDetector(
              ode::indicator,
              j,
              plan.outputInterval(),
              (state, detector, increasing) -> {
                stateEvent = true;
                return Action.STOP;
              }));
    }
    created.addStepHandler(this::sampleWithin);
    created.addStepEndHandler(
        (state, forward) ->
            completedStep(state.getTime(), state.getPrimaryState())
                ? Action.STOP
                : Action.CONTINUE);
    return created;
  }

  RunCounts run() {
    t = plan.startTime();
    fmu.initialize();
    ode = new FmuOde(fmu, inputs, guard);
    sampled = new double[ode.getDimension()];
    stiffness = new StiffnessMonitor(plan, ode);
    stepper = Integrators.stepper(plan, ode.getDimension());
    integrator = stepper == null ? withHandlers(Integrators.create(plan)) : null;
    if (stepper != null && fmu.indicators() > 0) {
      stateEvents =
          new StateEvents(
              ode::indicator, fmu.indicators(), ode.getDimension(), plan.outputInterval());
    }
    eventIteration();
    fmu.enterContinuousTimeMode();
    x = ode.readStates();
    ode.startSegment(t);
    fmu.recordOutputs(t);
    samples = plan.sampleCount();
    nextSample = 1;
    while (nextSample < samples && !terminated) {
      guard.check();
      double target = plan.sampleTime(throughOutputs() ? samples - 1 : nextSample);
      boolean stopped = integrateTo(inputs.nextBreakpoint(t, timeEventOr(target)));
      boolean timeEvent =
          eventInfo.nextEventTimeDefined && Times.reached(t, eventInfo.nextEventTime);
      if (stopped || timeEvent || inputs.discreteChangeAt(t)) {
        handleEvent();
      }
      ode.startSegment(t);
      while (nextSample < samples && Times.reached(t, plan.sampleTime(nextSample))) {
        fmu.recordOutputsAt(plan.sampleTime(nextSample++), null); // where the segment ended
      }
    }
    return new RunCounts(steps, events, Optional.of(statistics()));
  }

  /**
   * Whether the integrator steps through output times, sampling them from its dense output: the
   * explicit adaptive methods, whose continuous extensions are of nearly their own order. The
   * fixed-step methods land on output times instead, and the Rosenbrock method's cubic Hermite
   * interpolation across a long stiff step can leave a fast-decaying state's range (a concentration
   * below zero), so its segments end at output times.
   */
  private boolean throughOutputs() {
    return !fixedStep && !(stepper instanceof RosenbrockStepper);
  }

  /** The Jacobian figures are the Rosenbrock method's: {@code auto} switches to it at most once. */
  private SolverStatistics statistics() {
    if (stepper instanceof RosenbrockStepper stiff && stiff.jacobianEvaluations() > 0) {
      return new SolverStatistics(
          ode.evaluations(), stiff.jacobianSource(), stiff.jacobianEvaluations());
    }
    return new SolverStatistics(ode.evaluations(), Optional.empty(), 0);
  }

  private double timeEventOr(double target) {
    boolean before = eventInfo.nextEventTimeDefined && eventInfo.nextEventTime < target;
    return before ? eventInfo.nextEventTime : target;
  }

  /** Integrates to {@code end}; true when a state or step event stopped the segment early. */
  private boolean integrateTo(double end) {
    stateEvent = false;
    stepEvent = false;
    double[] y = ode.toVector(x);
    double reached = end;
    boolean switched = false;
    if (!Times.negligible(t, end)) {
      stiffness.startAt(t);
      if (stepper != null) {
        if (stateEvents != null) {
          stateEvents.startSegment();
        }
        reached = stepper.integrate(ode, t, y, end, onStep);
      } else {
        ODEStateAndDerivative last = integrator.integrate(ode, new ODEState(t, y), end);
        y = last.getPrimaryState();
        reached = last.getTime();
      }
      if (!stateEvent && !stepEvent && !terminated && stiffness.takeSwitch()) {
        // auto: the explicit steps collapsed; the rest of the run is the Rosenbrock method's, from
        // where they stopped, in segments to output times (see throughOutputs).
        stepper = Integrators.stiff(plan, ode.getDimension());
        switched = !Times.negligible(reached, end);
      }
      if (stateEvent) {
        steps++; // the step cut short by the event never reaches the step-end handler
      }
    }
    boolean stopped = stateEvent || stepEvent || terminated;
    // Unless stopped early, the integrator ends within rounding of end; snap to it exactly, so a
    // time event or output due at end is seen as reached.
    t = stopped || switched ? Math.min(reached, end) : end;
    x = ode.fromVector(y);
    ode.moveTo(t, y);
    return stopped;
  }

  /**
   * Samples the output times a step passed, up to but not at its end (Hipparchus hands the step
   * over before its step-end handler places the FMU at that end): each from the step's dense
   * output. A step cut short by a state event comes in two parts: up to the event, then once the
   * event has stopped the integration, the sliver from the event's located root to the time it
   * stops at, just after it; output times in that sliver are the event's, sampled after it.
   */
  private void sampleWithin(ODEStateInterpolator step) {
    if (stateEvent || stepEvent || terminated) {
      return;
    }
    double end = step.getCurrentState().getTime();
    while (sampleDueBefore(end)) {
      double sample = plan.sampleTime(nextSample++);
      ode.sampleAt(sample, step.getInterpolatedState(sample).getPrimaryState());
    }
  }

  /**
   * The stepper's step, as Hipparchus hands it over: the state events in it first, then the step
   * handler up to the first of them or the step's end, then that event's handler (which stops) or
   * the step-end handler.
   */
  private boolean stepped(Stepper step) {
    if (stateEvents != null && stateEvents.inStep(step)) {
      return stopAtStateEvent(step);
    }
    sampleWithin(step, step.end());
    boolean stop = completedStep(step.end(), step.endState());
    if (!stop && stateEvents != null && stateEvents.afterStepEnd()) {
      return stopAtStateEvent(step);
    }
    return stop;
  }

  /** Samples the output times before the event; the integration stops just after it. */
  private boolean stopAtStateEvent(Stepper step) {
    sampleWithin(step, stateEvents.eventTime());
    stateEvent = true;
    step.stopAt(stateEvents.stopTime());
    return true;
  }

  /** Samples the output times in the stepper's step before {@code end}, from its dense output. */
  private void sampleWithin(Stepper step, double end) {
    while (sampleDueBefore(end)) {
      double sample = plan.sampleTime(nextSample++);
      ode.sampleAt(sample, step.stateAt(sample, sampled));
    }
  }

  /** Whether the next output time comes before {@code end}. */
  private boolean sampleDueBefore(double end) {
    if (nextSample >= samples) {
      return false;
    }
    guard.check(); // a long step may hold many output times
    return !Times.reached(plan.sampleTime(nextSample), end);
  }

  /** The FMU at the end of an accepted step; true when the integration stops there. */
  private boolean completedStep(double time, double[] state) {
    steps++;
    ode.moveTo(time, state);
    MeModel.StepOutcome outcome = fmu.completedIntegratorStep();
    stepEvent = outcome == MeModel.StepOutcome.ENTER_EVENT_MODE;
    terminated = outcome == MeModel.StepOutcome.TERMINATE;
    boolean stiff = stiffness.stiffAfter(time, state);
    return stepEvent || terminated || stiff;
  }

  private void handleEvent() {
    if (terminated) {
      return;
    }
    fmu.enterEventMode();
    inputs.applyAll(fmu, t);
    eventIteration();
    fmu.enterContinuousTimeMode();
    x = ode.readStates();
    events++;
  }

  /** Event iterations until the FMU needs no further one. */
  private void eventIteration() {
    int iterations = 0;
    do {
      guard.check();
      if (++iterations > MAX_EVENT_ITERATIONS) {
        throw modelError("the FMU's event iteration at t=" + Times.format(t) + " did not end");
      }
      fmu.updateDiscreteStates(eventInfo);
      terminated |= eventInfo.terminateSimulation;
    } while (eventInfo.discreteStatesNeedUpdate && !terminated);
    if (eventInfo.nextEventTimeDefined && !(eventInfo.nextEventTime > t)) {
      throw modelError(
          "the FMU announced its next time event at t="
              + Times.format(eventInfo.nextEventTime)
              + ", not after the current time t="
              + Times.format(t));
    }
  }

  private static SimulationFailedException modelError(String message) {
    return new SimulationFailedException(Cause.MODEL_ERROR, message, List.of());
  }
}
