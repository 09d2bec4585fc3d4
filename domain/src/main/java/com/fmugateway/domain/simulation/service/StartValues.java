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
    return new StartValue(variable, convert(field, variable, value));
  }

  private static Object convert(String field, ModelVariable variable, Object value) {
    return switch (variable.type()) {
      case REAL -> {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
          throw new InvalidInputException(field, "must be a finite number (Real)");
        }
        yield number.doubleValue();
      }
      case INTEGER, ENUMERATION -> {
        if (!(value instanceof Number number)
            || number.doubleValue() != Math.rint(number.doubleValue())
            || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
          throw new InvalidInputException(field, "must be a whole number (Integer)");
        }
        yield number.intValue();
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean bool)) {
          throw new InvalidInputException(field, "must be true or false (Boolean)");
        }
        yield bool;
      }
      case STRING -> {
        if (!(value instanceof String text)) {
          throw new InvalidInputException(field, "must be a string (String)");
        }
        yield text;
      }
    };
  }
}
