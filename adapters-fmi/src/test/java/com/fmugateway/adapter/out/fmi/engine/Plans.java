package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.StartValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Builds simulation plans for a library model, starting at t=0 with default tolerances. */
final class Plans {

  private final ModelDescription description;
  private FmuInterface fmuInterface = FmuInterface.CO_SIMULATION;
  private double stop = 1;
  private double interval = 0.1;
  private final List<StartValue> starts = new ArrayList<>();
  private final List<InputSignal> inputs = new ArrayList<>();
  private final List<ModelVariable> outputs = new ArrayList<>();
  private Solver solver = Solver.defaults();
  private Duration timeout = Duration.ofSeconds(60);
  private final Map<String, List<Double>> clockTicks = new LinkedHashMap<>();

  private Plans(ModelDescription description) {
    this.description = description;
  }

  static Plans forDescription(ModelDescription description) {
    return new Plans(description);
  }

  static Plans forModel(String model) {
    return new Plans(LibraryFmus.description(model));
  }

  ModelDescription description() {
    return description;
  }

  Plans on(FmuInterface fmuInterface) {
    this.fmuInterface = fmuInterface;
    return this;
  }

  Plans until(double stop, double interval) {
    this.stop = stop;
    this.interval = interval;
    return this;
  }

  Plans start(String variable, Object value) {
    starts.add(new StartValue(variable(variable), value));
    return this;
  }

  Plans input(String variable, Interpolation interpolation, double[] time, double[] values) {
    inputs.add(new InputSignal(variable, time, values, interpolation));
    return this;
  }

  /** A signal of typed values, as the planner gives them (Integer, Long, Boolean, List …). */
  Plans input(String variable, Interpolation interpolation, double[] time, List<Object> values) {
    inputs.add(new InputSignal(variable, time, values, interpolation));
    return this;
  }

  Plans outputs(String... names) {
    for (String name : names) {
      outputs.add(variable(name));
    }
    return this;
  }

  Plans solver(SolverKind kind, double rtol, double atol) {
    solver = new Solver(kind, rtol, atol, OptionalDouble.empty());
    return this;
  }

  Plans fixedStep(SolverKind kind, double step) {
    solver = new Solver(kind, Solver.DEFAULT_RTOL, Solver.DEFAULT_ATOL, OptionalDouble.of(step));
    return this;
  }

  Plans timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Scheduled execution: triggered input clock {@code clock} fires at {@code times}. */
  Plans ticks(String clock, Double... times) {
    clockTicks.put(clock, List.of(times));
    return this;
  }

  SimulationPlan build() {
    return new SimulationPlan(
        fmuInterface, 0, stop, interval, starts, inputs, outputs, solver, timeout, clockTicks);
  }

  private ModelVariable variable(String name) {
    return description
        .variable(name)
        .orElseThrow(
            () -> new IllegalArgumentException(description.modelName() + " has no " + name));
  }
}
