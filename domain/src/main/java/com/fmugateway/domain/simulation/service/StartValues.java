package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.StartValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
    if (!variable.isArray()) {
      return TypedValues.scalar(field, variable.type(), value);
    }
    List<Object> elements = new ArrayList<>();
    flatten(field, value, elements);
    OptionalLong count = variable.elementCount();
    if (count.isPresent() && elements.size() != count.getAsLong()) {
      throw new InvalidInputException(
          field,
          "must be an array of "
              + count.getAsLong()
              + " values (row-major), but has "
              + elements.size());
    }
    List<Object> converted = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      converted.add(
          TypedValues.scalar(field + "[" + (i + 1) + "]", variable.type(), elements.get(i)));
    }
    return List.copyOf(converted);
  }

  /** Nested arrays are read row-major, as FMI stores them. */
  private static void flatten(String field, Object value, List<Object> into) {
    if (!(value instanceof List<?> list)) {
      if (into.isEmpty()) {
        throw new InvalidInputException(field, "must be an array (row-major)");
      }
      into.add(value);
      return;
    }
    for (Object element : list) {
      if (element instanceof List<?>) {
        flatten(field, element, into);
      } else if (element == null) {
        throw new InvalidInputException(field, "must not hold null");
      } else {
        into.add(element);
      }
    }
  }
}
