package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool call's arguments, read by name and type. A missing required one, one of the wrong type or
 * one the tool does not know fails with {@link InvalidInputException} naming it as the caller spelt
 * it, before anything is looked up or charged.
 */
final class Arguments {

  private final Map<String, Object> values;

  private Arguments(Map<String, Object> values) {
    this.values = values;
  }

  /** The call's arguments, none of them unknown to a tool that takes {@code known}. */
  static Arguments of(Map<String, Object> values, Set<String> known) {
    Map<String, Object> given = values == null ? Map.of() : values;
    for (String name : new TreeSet<>(given.keySet())) {
      if (!known.contains(name)) {
        throw new InvalidInputException(
            name,
            "is not a known argument; the known ones are " + String.join(", ", sorted(known)));
      }
    }
    return new Arguments(given);
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  String requiredString(String name) {
    return optionalString(name)
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> new InvalidInputException(name, "is required"));
  }

  Optional<String> optionalString(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new InvalidInputException(name, "must be a string");
    }
    return Optional.of(text);
  }

  OptionalDouble optionalNumber(String name) {
    Object value = values.get(name);
    if (value == null) {
      return OptionalDouble.empty();
    }
    if (!(value instanceof Number number)) {
      throw new InvalidInputException(name, "must be a number");
    }
    double d = number.doubleValue();
    if (!Double.isFinite(d)) {
      throw new InvalidInputException(name, "must be a finite number");
    }
    return OptionalDouble.of(d);
  }

  OptionalInt optionalInteger(String name, int min, int max) {
    OptionalDouble number = optionalNumber(name);
    if (number.isEmpty()) {
      return OptionalInt.empty();
    }
    double d = number.getAsDouble();
    if (d != Math.rint(d) || d < min || d > max) {
      throw new InvalidInputException(name, "must be a whole number from " + min + " to " + max);
    }
    return OptionalInt.of((int) d);
  }

  Optional<Boolean> optionalBoolean(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean flag)) {
      throw new InvalidInputException(name, "must be true or false");
    }
    return Optional.of(flag);
  }

  /** A list of strings; null when absent. */
  List<String> stringList(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException(name, "must be an array of strings");
    }
    List<String> strings = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw new InvalidInputException(name + "[" + i + "]", "must be a string");
      }
      strings.add(s);
    }
    return strings;
  }

  /** A JSON object with string keys; null when absent. */
  Map<String, Object> object(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidInputException(name, "must be an object");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  /** A list of JSON objects; null when absent. */
  List<Map<String, Object>> objectList(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException(name, "must be an array of objects");
    }
    List<Map<String, Object>> objects = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw new InvalidInputException(name + "[" + i + "]", "must be an object");
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      objects.add(copy);
    }
    return objects;
  }

  /** The arguments as given, for echoing a request back (e.g. as the equivalent REST call). */
  Map<String, Object> asMap() {
    return new LinkedHashMap<>(values);
  }

  private static List<String> sorted(Set<String> names) {
    return new ArrayList<>(new TreeSet<>(names));
  }
}
