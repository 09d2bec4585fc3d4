package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.fmi3.Fmi3DiscreteStates;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Fmu;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Instance;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3ModelExchange;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3NativeModelExchange;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Values;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.StartValue;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * An FMI 3.0 model-exchange instance through our own binding as the master drives it. The numbers
 * of states and event indicators are asked of the FMU once initialized, when structural parameters
 * can no longer change them. A failing call throws an {@link
 * com.fmugateway.adapter.out.fmi.fmi3.Fmi3Exception} naming the function. Where the native calls
 * are at hand, placing the FMU and reading its derivatives, indicators or outputs (when all are
 * Float64) there is one call ({@link Fmi3NativeModelExchange}), as is the whole Jacobian and the
 * step's completion; else one JNA call each.
 */
final class Fmi3MeModel implements MeModel {

  private final Fmi3ModelExchange fmu;
  private final Fmi3Values values;
  private final SimulationPlan plan;
  private final InputFeeder inputs;
  private final Fmi3Recorder recorder;
  private final ModelDescription description;
  private Optional<DirectionalJacobian> jacobian = Optional.empty();
  private boolean jacobianInC; // with calls, the whole Jacobian in one native call
  private final Fmi3NativeModelExchange calls; // null: each FMI call through JNA on its own
  private final int[] float64Outputs; // with calls, the outputs when all are Float64; else null
  private final double[] outputValues;
  private int states;
  private int indicators;

  private Fmi3MeModel(
      Fmi3ModelExchange fmu,
      ModelDescription description,
      SimulationPlan plan,
      InputFeeder inputs,
      Fmi3Recorder recorder,
      boolean nativeCalls) {
    this.fmu = fmu;
    this.description = description;
    this.values = fmu.values();
    this.plan = plan;
    this.inputs = inputs;
    this.recorder = recorder;
    this.calls = nativeCalls ? Fmi3NativeModelExchange.open(fmu).orElse(null) : null;
    this.float64Outputs = calls == null ? null : recorder.float64References();
    this.outputValues = float64Outputs == null ? null : new double[recorder.float64Values()];
  }

  /**
   * Instantiates the FMU for model exchange and runs {@code plan} on it with our own master; with
   * {@code nativeCalls}, through {@link Fmi3NativeModelExchange} where it is at hand.
   */
  static RunCounts run(
      Fmi3Fmu loaded,
      ModelDescription description,
      SimulationPlan plan,
      Fmi3Recorder recorder,
      FmuLog log,
      boolean nativeCalls) {
    InputFeeder inputs = new InputFeeder(description, plan.inputs());
    try (Fmi3ModelExchange instance =
        Fmi3Instance.instantiateModelExchange(
            loaded,
            "fmugw-" + UUID.randomUUID(),
            description.guid(),
            line -> log.add(line.status().name(), line.category(), line.message()))) {
      MeModel model = new Fmi3MeModel(instance, description, plan, inputs, recorder, nativeCalls);
      return new ModelExchangeRunner(model, plan, inputs, new RunGuard(plan.timeout())).run();
    }
  }

  @Override
  public void initialize() {
    double t0 = plan.startTime();
    for (StartValue start : plan.startValues()) {
      Fmi3Access.write(values, start.variable(), start.value());
    }
    inputs.applyAll(this, t0);
    fmu.enterInitializationMode(
        OptionalDouble.of(plan.solver().rtol()), t0, OptionalDouble.of(plan.stopTime()));
    fmu.exitInitializationMode();
    states = fmu.numberOfContinuousStates();
    indicators = fmu.numberOfEventIndicators();
    jacobian = DirectionalJacobian.of(description, states);
    jacobianInC = calls != null && jacobian.isPresent() && calls.computesJacobians();
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
    fmu.setTime(t);
  }

  @Override
  public void setStates(double[] x) {
    fmu.setContinuousStates(x);
  }

  @Override
  public void placeAt(double t, double[] x) {
    if (calls == null) {
      MeModel.super.placeAt(t, x);
    } else if (x != null) {
      calls.placeAt(t, x, states);
    }
  }

  @Override
  public void derivativesAt(double t, double[] x, double[] derivatives) {
    if (calls == null) {
      MeModel.super.derivativesAt(t, x, derivatives);
    } else {
      calls.derivativesAt(t, x, states, derivatives);
    }
  }

  @Override
  public void indicatorsAt(double t, double[] x, double[] indicators) {
    if (calls == null) {
      MeModel.super.indicatorsAt(t, x, indicators);
    } else {
      calls.indicatorsAt(t, x, states, indicators);
    }
  }

  @Override
  public void recordOutputsAt(double t, double[] x) {
    if (float64Outputs == null) {
      MeModel.super.recordOutputsAt(t, x);
    } else {
      calls.float64At(t, x, states, float64Outputs, outputValues);
      recorder.sampleFloat64(t, outputValues, 0);
    }
  }

  @Override
  public void getStates(double[] x) {
    fmu.getContinuousStates(x);
  }

  @Override
  public void getDerivatives(double[] derivatives) {
    fmu.getContinuousStateDerivatives(derivatives);
  }

  @Override
  public void getIndicators(double[] values) {
    fmu.getEventIndicators(values);
  }

  @Override
  public boolean providesJacobian() {
    return jacobian.isPresent();
  }

  @Override
  public void getJacobian(double[][] into) {
    DirectionalJacobian columns = jacobian.orElseThrow();
    if (jacobianInC) {
      calls.jacobian(columns.derivatives(), columns.states(), states, columns.rows());
      columns.unpackRows(into);
      return;
    }
    columns.assemble(
        (seed, sensitivity) ->
            fmu.getDirectionalDerivative(
                columns.derivatives(), columns.states(), seed, sensitivity),
        into);
  }

  @Override
  public StepOutcome completedIntegratorStep() {
    Fmi3ModelExchange.IntegratorStep step =
        calls == null ? fmu.completedIntegratorStep() : calls.completedIntegratorStep();
    if (step.terminateSimulation()) {
      return StepOutcome.TERMINATE;
    }
    return step.enterEventMode() ? StepOutcome.ENTER_EVENT_MODE : StepOutcome.CONTINUE;
  }

  @Override
  public void enterEventMode() {
    fmu.enterEventMode();
  }

  @Override
  public void updateDiscreteStates(EventUpdate into) {
    Fmi3DiscreteStates update = fmu.updateDiscreteStates();
    into.set(
        update.discreteStatesNeedUpdate(),
        update.terminateSimulation(),
        update.nextEventTime().isPresent(),
        update.nextEventTime().orElse(Double.NaN));
  }

  @Override
  public void enterContinuousTimeMode() {
    fmu.enterContinuousTimeMode();
  }

  @Override
  public void recordOutputs(double t) {
    recorder.sample(values, t);
  }

  @Override
  public void write(ModelVariable variable, Object value, double t) {
    Fmi3Access.write(values, variable, value);
  }
}
