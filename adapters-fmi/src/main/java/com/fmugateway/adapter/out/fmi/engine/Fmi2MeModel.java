package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.ModelVariable;
import java.util.Optional;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.CompletedIntegratorStepResult;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.EventInfo;

/**
 * An FMI 2.0 model-exchange instance through FMI4j as the master drives it, its derivative
 * evaluations and completed steps in C where {@link NativeModelExchange} is available. A failing
 * call names the FMI function and the FMU's current time.
 */
final class Fmi2MeModel implements MeModel {

  private final ModelExchangeInstance fmu;
  private final RunSetup setup;
  private final int states;
  private final int indicators;
  private final InputFeeder.Sink inputs;
  private final EventInfo eventInfo = new EventInfo();
  private final Optional<Fmi2DirectionalDerivative> jacobian;
  private final NativeModelExchange calls;
  // The outputs' value references when all are reals (for calls), else null.
  private final int[] realOutputs;
  private final double[] outputValues;
  private double time;

  Fmi2MeModel(
      ModelExchangeInstance fmu,
      RunSetup setup,
      int states,
      int indicators,
      Optional<Fmi2DirectionalDerivative> jacobian,
      Optional<NativeModelExchange> nativeCalls) {
    this.fmu = fmu;
    this.calls = nativeCalls.orElse(null);
    this.setup = setup;
    this.states = states;
    this.indicators = indicators;
    this.inputs = InputFeeder.fmi2(fmu);
    this.time = setup.plan().startTime();
    this.jacobian = jacobian;
    this.realOutputs = calls == null ? null : setup.outputs().realsOnly().orElse(null);
    this.outputValues = new double[realOutputs == null ? 0 : realOutputs.length];
  }

  @Override
  public void initialize() {
    setup.initialize(fmu);
  }

  @Override
  public int states() {
    return states;
  }

  @Override
  public int indicators() {
    return indicators;
  }

  @Override
  public void setTime(double t) {
    time = t;
    FmiCalls.check(fmu.setTime(t), "fmi2SetTime", t);
  }

  @Override
  public void setStates(double[] x) {
    FmiCalls.check(fmu.setContinuousStates(x), "fmi2SetContinuousStates", time);
  }

  @Override
  public void placeAt(double t, double[] x) {
    if (calls == null) {
      MeModel.super.placeAt(t, x);
      return;
    }
    if (x != null) {
      time = t;
      calls.place(t, x, states);
    }
  }

  @Override
  public void derivativesAt(double t, double[] x, double[] derivatives) {
    if (calls == null) {
      MeModel.super.derivativesAt(t, x, derivatives);
      return;
    }
    if (x != null) {
      time = t;
    }
    calls.derivatives(t, x, derivatives);
  }

  @Override
  public void indicatorsAt(double t, double[] x, double[] indicators) {
    if (calls == null) {
      MeModel.super.indicatorsAt(t, x, indicators);
      return;
    }
    if (x != null) {
      time = t;
    }
    calls.indicators(t, x, states, indicators);
  }

  @Override
  public void recordOutputsAt(double t, double[] x) {
    if (realOutputs == null) {
      MeModel.super.recordOutputsAt(t, x);
      return;
    }
    if (x != null) {
      time = t;
    }
    calls.reals(t, x, states, realOutputs, outputValues);
    setup.outputs().sampleReals(t, outputValues, 0);
  }

  @Override
  public void getStates(double[] x) {
    FmiCalls.check(fmu.getContinuousStates(x), "fmi2GetContinuousStates", time);
  }

  @Override
  public void getDerivatives(double[] derivatives) {
    FmiCalls.check(fmu.getDerivatives(derivatives), "fmi2GetDerivatives", time);
  }

  @Override
  public void getIndicators(double[] values) {
    FmiCalls.check(fmu.getEventIndicators(values), "fmi2GetEventIndicators", time);
  }

  @Override
  public boolean providesJacobian() {
    return jacobian.isPresent();
  }

  @Override
  public void getJacobian(double[][] into) {
    jacobian.orElseThrow().assemble(into, time);
  }

  @Override
  public StepOutcome completedIntegratorStep() {
    if (calls != null) {
      return calls.completedIntegratorStep(time);
    }
    CompletedIntegratorStepResult result = fmu.completedIntegratorStep();
    FmiCalls.check(fmu.getLastStatus(), "fmi2CompletedIntegratorStep", time);
    if (result.getTerminateSimulation()) {
      return StepOutcome.TERMINATE;
    }
    return result.getEnterEventMode() ? StepOutcome.ENTER_EVENT_MODE : StepOutcome.CONTINUE;
  }

  @Override
  public void enterEventMode() {
    FmiCalls.check(fmu.enterEventMode(), "fmi2EnterEventMode", time);
  }

  @Override
  public void updateDiscreteStates(EventUpdate into) {
    FmiCalls.check(fmu.getWrapper().newDiscreteStates(eventInfo), "fmi2NewDiscreteStates", time);
    into.set(
        eventInfo.getNewDiscreteStatesNeeded(),
        eventInfo.getTerminateSimulation(),
        eventInfo.getNextEventTimeDefined(),
        eventInfo.getNextEventTime());
  }

  @Override
  public void enterContinuousTimeMode() {
    FmiCalls.check(fmu.enterContinuousTimeMode(), "fmi2EnterContinuousTimeMode", time);
  }

  @Override
  public void recordOutputs(double t) {
    setup.outputs().sample(fmu, t);
  }

  @Override
  public void write(ModelVariable variable, Object value, double t) {
    inputs.write(variable, value, t);
  }
}
