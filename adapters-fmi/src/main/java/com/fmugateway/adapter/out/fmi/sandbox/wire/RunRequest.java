package com.fmugateway.adapter.out.fmi.sandbox.wire;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.StartValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run as it crosses the socket: where the archive is inside the sandbox, and the plan with its
 * variables named rather than described, since the worker reads the model description itself;
 * {@code clockTicks} are the triggered clock times of a scheduled execution run.
 */
public record RunRequest(
    String archive,
    FmuInterface fmuInterface,
    double startTime,
    double stopTime,
    double outputInterval,
    List<NamedValue> startValues,
    List<InputSignal> inputs,
    List<String> outputs,
    Solver solver,
    Duration timeout,
    Map<String, List<Double>> clockTicks) {

  public RunRequest {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(fmuInterface, "fmuInterface");
    startValues = List.copyOf(startValues);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(solver, "solver");
    Objects.requireNonNull(timeout, "timeout");
    clockTicks = Map.copyOf(clockTicks);
  }

  public static RunRequest of(String archive, SimulationPlan plan) {
    return new RunRequest(
        archive,
        plan.fmuInterface(),
        plan.startTime(),
        plan.stopTime(),
        plan.outputInterval(),
        plan.startValues().stream()
            .map(s -> new NamedValue(s.variable().name(), s.value()))
            .toList(),
        plan.inputs(),
        plan.outputs().stream().map(ModelVariable::name).toList(),
        plan.solver(),
        plan.timeout(),
        plan.clockTicks());
  }

  /** The plan again, its names looked up in the description the worker read itself. */
  public SimulationPlan toPlan(ModelDescription description) {
    return new SimulationPlan(
        fmuInterface,
        startTime,
        stopTime,
        outputInterval,
        startValues.stream()
            .map(s -> new StartValue(variable(description, s.name()), s.value()))
            .toList(),
        inputs,
        outputs.stream().map(name -> variable(description, name)).toList(),
        solver,
        timeout,
        clockTicks);
  }

  private static ModelVariable variable(ModelDescription description, String name) {
    return description
        .variable(name)
        .orElseThrow(
            () -> new IllegalArgumentException("the FMU has no variable named '" + name + "'"));
  }

  /** A start value for the variable called {@code name}: Double, Integer, Boolean or String. */
  record NamedValue(String name, Object value) {
    NamedValue {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
