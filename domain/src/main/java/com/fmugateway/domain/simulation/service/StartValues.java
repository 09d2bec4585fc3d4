package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.StartValue;
import java.util.List;
import java.util.Map;

/** Checks caller-supplied start values against each variable's type and causality. */
final class StartValues {

  private StartValues() {}

  static List<StartValue> check(Map<String, Object> requested, ModelDescription model) {
    return requested.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> check(entry.getKey(), entry.getValue(), model))
        .toList();
  }

  private static StartValue check(String name, Object value, ModelDescription model) {
    String field = "startValues." + name;
    ModelVariable variable =
        model
            .variable(name)
            .orElseThrow(() -> new InvalidInputException(field, "unknown variable"));
    if (!variable.acceptsStartValue()) {
      throw new InvalidInputException(
          field,
          "is a "
              + variable.causality().name().toLowerCase()
              + " "
              + variable.variability().name().toLowerCase()
              + " variable and cannot be given a start value");
    }
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    return new StartValue(variable, TypedValues.of(field, variable, value));
  }
}
