package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.Kpi;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a caller's request into a checked plan against the model's description: defaults from the
 * default experiment, every name, type and causality checked, output size capped.
 */
final class SimulationPlanner {

  /** Output samples for a run that names no step and whose model suggests none. */
  private static final int DEFAULT_SAMPLES = 500;

  /** KPIs one run may ask for; each is a pass over a result of up to the sample cap. */
  static final int MAX_KPIS = 100;

  /** Outputs one run may name; the model's own outputs are taken when it names none. */
  static final int MAX_OUTPUTS = 1_000;

  private final SimulationSettings settings;

  SimulationPlanner(SimulationSettings settings) {
    this.settings = settings;
  }

  /** A plan and the KPIs to compute from its result. */
  record Planned(SimulationPlan plan, List<Kpi> kpis) {}

  Planned plan(SimulateCommand command, ModelDescription model) {
    var experiment = model.defaultExperiment();
    double start = command.startTime().orElse(experiment.startTime().orElse(0.0));
    double stop = command.stopTime().orElse(experiment.stopTime().orElse(start + 1.0));
    if (stop <= start) {
      throw new InvalidInputException(
          command.stopTime().isPresent() ? "stopTime" : "startTime",
          "stop_time (" + stop + ") must be greater than start_time (" + start + ")");
    }
    double step =
        command.step().orElse(experiment.stepSize().orElse((stop - start) / DEFAULT_SAMPLES));
    if (step <= 0) {
      throw new InvalidInputException("step", "must be greater than 0");
    }
    long samples = SimulationPlan.sampleCount(start, stop, step);
    if (samples > settings.maxOutputSamples()) {
      throw new InvalidInputException(
          "step",
          "gives "
              + samples
              + " output samples; the limit is "
              + settings.maxOutputSamples()
              + ": use a larger step or a shorter run");
    }
    FmuInterface chosen = chooseInterface(command.fmuInterface(), model);
    List<Kpi> kpis = kpis(command.kpis());
    return new Planned(
        new SimulationPlan(
            chosen,
            start,
            stop,
            step,
            StartValues.check(command.startValues(), model),
            InputSignals.check(command.inputSignals(), model),
            outputs(command.outputs(), kpis, model),
            solver(command),
            settings.timeout(),
            ClockTicks.check(
                command.clockTicks(), chosen, model, start, stop, settings.maxOutputSamples())),
        kpis);
  }

  private static FmuInterface chooseInterface(Optional<String> requested, ModelDescription model) {
    String code = requested.map(String::strip).filter(s -> !s.isEmpty()).orElse("auto");
    if (code.equals("auto")) {
      if (model.interfaces().contains(FmuInterface.CO_SIMULATION)) {
        return FmuInterface.CO_SIMULATION;
      }
      return model.interfaces().contains(FmuInterface.MODEL_EXCHANGE)
          ? FmuInterface.MODEL_EXCHANGE
          : FmuInterface.SCHEDULED_EXECUTION;
    }
    FmuInterface wanted =
        FmuInterface.fromCode(code)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "interface", "must be cs, me, se or auto, was " + code));
    if (!model.interfaces().contains(wanted)) {
      throw new InvalidInputException("interface", model.modelName() + " does not support " + code);
    }
    return wanted;
  }

  /** The KPIs asked for, each once, in the order first asked; at most {@link #MAX_KPIS}. */
  private static List<Kpi> kpis(List<String> names) {
    List<String> distinct = names.stream().distinct().toList();
    if (distinct.size() > MAX_KPIS) {
      throw new InvalidInputException(
          "kpis", "asks for " + distinct.size() + " KPIs; the limit is " + MAX_KPIS + " a run");
    }
    return distinct.stream().map(Kpi::parse).toList();
  }

  private static List<ModelVariable> outputs(
      List<String> requested, List<Kpi> kpis, ModelDescription model) {
    long distinct = requested.stream().distinct().count();
    if (distinct > MAX_OUTPUTS) {
      throw new InvalidInputException(
          "outputs", "names " + distinct + " outputs; the limit is " + MAX_OUTPUTS + " a run");
    }
    Map<String, ModelVariable> chosen = new LinkedHashMap<>();
    if (requested.isEmpty()) {
      // A Clock has no value to sample; its ticks come back as clock events.
      model.outputs().stream()
          .filter(v -> v.type() != VariableType.CLOCK)
          .forEach(v -> chosen.put(v.name(), v));
    }
    for (String name : requested) {
      ModelVariable variable = known(model, name, "outputs");
      if (variable.type() == VariableType.CLOCK) {
        throw new InvalidInputException(
            "outputs", "'" + name + "' is a Clock: its ticks are in clock_events, not a column");
      }
      chosen.put(name, variable);
    }
    for (Kpi kpi : kpis) {
      ModelVariable variable = kpiVariable(model, kpi);
      if (variable.type() == VariableType.STRING) {
        throw new InvalidInputException("kpis", kpi.name() + ": a String has no " + kpi.kind());
      }
      chosen.putIfAbsent(variable.name(), variable);
    }
    return List.copyOf(chosen.values());
  }

  /**
   * The variable a KPI reads: a scalar by its name, or one element of an array by its column's
   * name, {@code y[2]} (1-based, row-major over all dimensions, as the results flatten it).
   */
  private static ModelVariable kpiVariable(ModelDescription model, Kpi kpi) {
    String name = kpi.variable();
    int open = name.lastIndexOf('[');
    if (open <= 0 || !name.endsWith("]") || model.variable(name).isPresent()) {
      return known(model, name, "kpis");
    }
    ModelVariable array = known(model, name.substring(0, open), "kpis");
    long index;
    try {
      index = Long.parseLong(name.substring(open + 1, name.length() - 1));
    } catch (NumberFormatException notAnIndex) {
      throw new InvalidInputException(
          "kpis", kpi.name() + ": an array element is named like y[2] (1-based)");
    }
    if (!array.isArray()) {
      throw new InvalidInputException(
          "kpis", kpi.name() + ": '" + array.name() + "' is not an array");
    }
    if (array.elementCount().isEmpty()) {
      throw new InvalidInputException(
          "kpis",
          kpi.name()
              + ": '"
              + array.name()
              + "' is sized by a structural parameter; KPIs on its elements are not supported");
    }
    long count = array.elementCount().getAsLong();
    if (index < 1 || index > count) {
      throw new InvalidInputException(
          "kpis",
          kpi.name() + ": '" + array.name() + "' has elements 1 to " + count + ", not " + index);
    }
    return array;
  }

  private static ModelVariable known(ModelDescription model, String name, String field) {
    return model
        .variable(name)
        .orElseThrow(() -> new InvalidInputException(field, "unknown variable '" + name + "'"));
  }

  private static Solver solver(SimulateCommand command) {
    SolverKind kind =
        command
            .solver()
            .map(
                name ->
                    SolverKind.fromCode(name)
                        .orElseThrow(
                            () ->
                                new InvalidInputException(
                                    "solver",
                                    "unknown solver '"
                                        + name
                                        + "'; use euler, rk4, dormand_prince,"
                                        + " dormand_prince_853, rosenbrock or auto")))
            .orElse(SolverKind.DORMAND_PRINCE);
    double rtol = positive("rtol", command.rtol().orElse(Solver.DEFAULT_RTOL));
    double atol = positive("atol", command.atol().orElse(Solver.DEFAULT_ATOL));
    return new Solver(kind, rtol, atol, java.util.OptionalDouble.empty());
  }

  private static double positive(String field, double value) {
    if (value <= 0) {
      throw new InvalidInputException(field, "must be greater than 0");
    }
    return value;
  }
}
