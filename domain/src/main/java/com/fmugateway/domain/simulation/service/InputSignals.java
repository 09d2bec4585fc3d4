package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.port.in.SimulateCommand.SignalSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks input signals: each drives one input of the model, once, with sane samples typed like a
 * start value of that input (64-bit integers exact, an array input's sample an array of its size).
 * Floats may be interpolated linearly (the default) or held; every other type is held.
 */
final class InputSignals {

  private InputSignals() {}

  static List<InputSignal> check(List<SignalSpec> specs, ModelDescription model) {
    List<InputSignal> signals = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      SignalSpec spec = specs.get(i);
      String prefix = "inputSignals[" + i + "]";
      ModelVariable variable = input(prefix, spec, model);
      if (!seen.add(spec.name())) {
        throw new InvalidInputException(prefix + ".name", "'" + spec.name() + "' is driven twice");
      }
      Interpolation interpolation = interpolation(prefix, spec, variable);
      if (spec.time() == null || spec.time().length == 0) {
        throw new InvalidInputException(prefix + ".time", "needs at least one sample time");
      }
      if (spec.values() == null || spec.values().size() != spec.time().length) {
        int given = spec.values() == null ? 0 : spec.values().size();
        throw new InvalidInputException(
            prefix + ".values",
            "has " + given + " values for " + spec.time().length + " times: give one per time");
      }
      List<Object> values = new ArrayList<>(spec.values().size());
      for (int k = 0; k < spec.values().size(); k++) {
        values.add(TypedValues.of(prefix + ".values[" + k + "]", variable, spec.values().get(k)));
      }
      try {
        signals.add(new InputSignal(spec.name(), spec.time(), values, interpolation));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(prefix + ".time", e.getMessage());
      }
    }
    return signals;
  }

  /** The input the signal names: any type but Clock, scalar or array of a known size. */
  private static ModelVariable input(String prefix, SignalSpec spec, ModelDescription model) {
    if (spec == null || spec.name() == null || spec.name().isBlank()) {
      throw new InvalidInputException(prefix + ".name", "is required");
    }
    ModelVariable variable =
        model
            .variable(spec.name())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        prefix + ".name", "unknown variable '" + spec.name() + "'"));
    if (variable.causality() != Causality.INPUT || variable.type() == VariableType.CLOCK) {
      throw new InvalidInputException(
          prefix + ".name", "'" + spec.name() + "' is not an input of " + model.modelName());
    }
    if (variable.isArray() && variable.elementCount().isEmpty()) {
      throw new InvalidInputException(
          prefix + ".name",
          "'"
              + spec.name()
              + "' is sized by a structural parameter; signals on such inputs are not supported");
    }
    return variable;
  }

  /** Linear by default for floats, hold for the rest, which cannot take a line. */
  private static Interpolation interpolation(
      String prefix, SignalSpec spec, ModelVariable variable) {
    boolean isFloat = variable.type().isFloat();
    String value =
        spec.interpolation() == null ? (isFloat ? "linear" : "hold") : spec.interpolation();
    Interpolation interpolation =
        switch (value.toLowerCase(Locale.ROOT)) {
          case "linear" -> Interpolation.LINEAR;
          case "hold" -> Interpolation.HOLD;
          default ->
              throw new InvalidInputException(
                  prefix + ".interpolation", "must be linear or hold, was '" + value + "'");
        };
    if (interpolation == Interpolation.LINEAR && !isFloat) {
      throw new InvalidInputException(
          prefix + ".interpolation",
          "'"
              + spec.name()
              + "' is a "
              + variable.type().label()
              + " input, which is piecewise constant: use hold (only Float32, Float64 and Real"
              + " inputs can be interpolated linearly)");
    }
    return interpolation;
  }
}
