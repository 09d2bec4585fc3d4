package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import java.util.List;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.CompletedIntegratorStepResult;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.EventInfo;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;

/**
 * Model-exchange master. Integrates segment by segment, each ending at the next output time, time
 * event or input sample; a segment stops early at a state event (indicator sign change, located to
 * {@link IndicatorDetector#TIME_ACCURACY}) or when {@code fmi2CompletedIntegratorStep} asks for
 * event mode. At every event the FMU runs its event iteration, after which the states are read back
 * (the event may have reset them) and integration restarts. Outputs at a time with an event are
 * sampled after the event.
 */
final class ModelExchangeRunner {

  private static final int MAX_EVENT_ITERATIONS = 10_000;

  private final ModelExchangeInstance fmu;
  private final RunSetup setup;
  private final SimulationPlan plan;
  private final FmuOde ode;
  private final int indicators;
  private final StiffnessMonitor stiffness;
  private ODEIntegrator integrator;
  private final EventInfo eventInfo = new EventInfo();
  private double t;
  private double[] x;
  private boolean stateEvent;
  private boolean stepEvent;
  private boolean terminated;
  private long steps;
  private long events;

  ModelExchangeRunner(ModelExchangeInstance fmu, RunSetup setup, int states, int indicators) {
    this.fmu = fmu;
    this.setup = setup;
    this.plan = setup.plan();
    this.ode = new FmuOde(fmu, states, indicators, setup.inputs(), setup.guard());
    this.indicators = indicators;
    this.stiffness = new StiffnessMonitor(plan, ode);
    this.integrator = withHandlers(Integrators.create(plan));
  }

  private ODEIntegrator withHandlers(ODEIntegrator created) {
    for (int j = 0; j < indicators; j++) {
      created.addEventDetector(
          new IndicatorDetector(
              ode,
              j,
              plan.outputInterval(),
              (state, detector, increasing) -> {
                stateEvent = true;
                return Action.STOP;
              }));
    }
    created.addStepEndHandler((state, forward) -> completedStep(state));
    return created;
  }

  RunCounts run() {
    t = plan.startTime();
    setup.initialize(fmu);
    eventIteration();
    FmiCalls.check(fmu.enterContinuousTimeMode(), "fmi2EnterContinuousTimeMode", t);
    x = ode.readStates(t);
    ode.startSegment(t);
    setup.outputs().sample(fmu, t);
    int samples = plan.sampleCount();
    for (int i = 1; i < samples && !terminated; ) {
      setup.guard().check();
      double target = plan.sampleTime(i);
      boolean stopped = integrateTo(setup.inputs().nextBreakpoint(t, timeEventOr(target)));
      boolean timeEvent =
          eventInfo.getNextEventTimeDefined() && Times.reached(t, eventInfo.getNextEventTime());
      if (stopped || timeEvent || setup.inputs().discreteChangeAt(t)) {
        handleEvent();
      }
      ode.startSegment(t);
      if (Times.reached(t, target)) {
        setup.outputs().sample(fmu, target);
        i++;
      }
    }
    return new RunCounts(steps, events);
  }

  private double timeEventOr(double target) {
    boolean before = eventInfo.getNextEventTimeDefined() && eventInfo.getNextEventTime() < target;
    return before ? eventInfo.getNextEventTime() : target;
  }

  /** Integrates to {@code end}; true when a state or step event stopped the segment early. */
  private boolean integrateTo(double end) {
    stateEvent = false;
    stepEvent = false;
    double[] y = ode.toVector(x);
    double reached = end;
    if (!Times.negligible(t, end)) {
      stiffness.startAt(t);
      ODEStateAndDerivative last = integrator.integrate(ode, new ODEState(t, y), end);
      if (!stateEvent && !stepEvent && !terminated && stiffness.takeSwitch()) {
        // auto: the explicit steps collapsed; the rest of the run is the Rosenbrock method's.
        integrator = withHandlers(Integrators.stiff(plan));
        if (!Times.negligible(last.getTime(), end)) {
          last =
              integrator.integrate(ode, new ODEState(last.getTime(), last.getPrimaryState()), end);
        }
      }
      y = last.getPrimaryState();
      reached = last.getTime();
      if (stateEvent) {
        steps++; // the step cut short by the event never reaches the step-end handler
      }
    }
    boolean stopped = stateEvent || stepEvent || terminated;
    // Unless stopped early, the integrator ends within rounding of end; snap to it exactly, so a
    // time event or output due at end is seen as reached.
    t = stopped ? Math.min(reached, end) : end;
    x = ode.fromVector(y);
    ode.moveTo(t, y);
    return stopped;
  }

  private Action completedStep(ODEStateAndDerivative state) {
    steps++;
    ode.moveTo(state.getTime(), state.getPrimaryState());
    CompletedIntegratorStepResult result = fmu.completedIntegratorStep();
    FmiCalls.check(fmu.getLastStatus(), "fmi2CompletedIntegratorStep", state.getTime());
    stepEvent = result.getEnterEventMode();
    terminated = result.getTerminateSimulation();
    boolean stiff = stiffness.stiffAfter(state);
    return stepEvent || terminated || stiff ? Action.STOP : Action.CONTINUE;
  }

  private void handleEvent() {
    if (terminated) {
      return;
    }
    FmiCalls.check(fmu.enterEventMode(), "fmi2EnterEventMode", t);
    setup.inputs().applyAll(fmu, t);
    eventIteration();
    FmiCalls.check(fmu.enterContinuousTimeMode(), "fmi2EnterContinuousTimeMode", t);
    x = ode.readStates(t);
    events++;
  }

  /** {@code fmi2NewDiscreteStates} until the FMU needs no further iteration. */
  private void eventIteration() {
    int iterations = 0;
    do {
      setup.guard().check();
      if (++iterations > MAX_EVENT_ITERATIONS) {
        throw modelError("the FMU's event iteration at t=" + Times.format(t) + " did not end");
      }
      FmiCalls.check(fmu.getWrapper().newDiscreteStates(eventInfo), "fmi2NewDiscreteStates", t);
      terminated |= eventInfo.getTerminateSimulation();
    } while (eventInfo.getNewDiscreteStatesNeeded() && !terminated);
    if (eventInfo.getNextEventTimeDefined() && !(eventInfo.getNextEventTime() > t)) {
      throw modelError(
          "the FMU announced its next time event at t="
              + Times.format(eventInfo.getNextEventTime())
              + ", not after the current time t="
              + Times.format(t));
    }
  }

  private static SimulationFailedException modelError(String message) {
    return new SimulationFailedException(Cause.MODEL_ERROR, message, List.of());
  }
}
