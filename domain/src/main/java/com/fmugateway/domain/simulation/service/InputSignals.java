package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.port.in.SimulateCommand.SignalSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks input signals: each drives one Real input of the model, once, with sane samples. */
final class InputSignals {

  private InputSignals() {}

  static List<InputSignal> check(List<SignalSpec> specs, ModelDescription model) {
    List<InputSignal> signals = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      SignalSpec spec = specs.get(i);
      String prefix = "inputSignals[" + i + "]";
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
      // FMI 2.0 Real and FMI 3.0 Float32/Float64 scalars take a signal; arrays do not yet.
      if (variable.causality() != Causality.INPUT
          || !variable.type().isFloat()
          || variable.isArray()) {
        throw new InvalidInputException(
            prefix + ".name", "'" + spec.name() + "' is not a Real input of " + model.modelName());
      }
      if (!seen.add(spec.name())) {
        throw new InvalidInputException(prefix + ".name", "'" + spec.name() + "' is driven twice");
      }
      Interpolation interpolation = interpolation(prefix, spec);
      try {
        signals.add(new InputSignal(spec.name(), spec.time(), spec.values(), interpolation));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(prefix + ".time", e.getMessage());
      }
    }
    return signals;
  }

  private static Interpolation interpolation(String prefix, SignalSpec spec) {
    String value = spec.interpolation() == null ? "linear" : spec.interpolation();
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "linear" -> Interpolation.LINEAR;
      case "hold" -> Interpolation.HOLD;
      default ->
          throw new InvalidInputException(
              prefix + ".interpolation", "must be linear or hold, was '" + value + "'");
    };
  }
}
