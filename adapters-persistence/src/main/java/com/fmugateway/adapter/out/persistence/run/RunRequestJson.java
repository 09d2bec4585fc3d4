package com.fmugateway.adapter.out.persistence.run;

import com.fmugateway.domain.simulation.model.RunRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's request as the JSON kept in {@code runs.request}: the API's own snake_case fields, absent
 * ones left out, so a stored request reads like the body that asked for it.
 */
public final class RunRequestJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RunRequestJson() {}

  public static String write(RunRequest request) {
    ObjectNode root = JSON.createObjectNode();
    number(root, "start_time", request.startTime());
    number(root, "stop_time", request.stopTime());
    number(root, "step", request.step());
    if (!request.startValues().isEmpty()) {
      ObjectNode values = root.putObject("start_values");
      request.startValues().forEach((name, value) -> values.set(name, JSON.valueToTree(value)));
    }
    if (!request.inputSignals().isEmpty()) {
      ArrayNode signals = root.putArray("input_signals");
      for (RunRequest.Signal signal : request.inputSignals()) {
        ObjectNode node = signals.addObject();
        node.put("name", signal.name());
        ArrayNode time = node.putArray("time");
        signal.time().forEach(time::add);
        ArrayNode values = node.putArray("values");
        signal.values().forEach(value -> values.add(JSON.valueToTree(value)));
        if (signal.interpolation() != null) {
          node.put("interpolation", signal.interpolation());
        }
      }
    }
    strings(root, "outputs", request.outputs());
    strings(root, "kpis", request.kpis());
    request.fmuInterface().ifPresent(i -> root.put("interface", i));
    request.solver().ifPresent(s -> root.put("solver", s));
    number(root, "rtol", request.rtol());
    number(root, "atol", request.atol());
    if (!request.clockTicks().isEmpty()) {
      ObjectNode ticks = root.putObject("clock_ticks");
      request
          .clockTicks()
          .forEach(
              (clock, times) -> {
                ArrayNode array = ticks.putArray(clock);
                times.forEach(array::add);
              });
    }
    return JSON.writeValueAsString(root);
  }

  public static RunRequest read(String json) {
    JsonNode root = JSON.readTree(json);
    Map<String, Object> startValues = new LinkedHashMap<>();
    JsonNode values = root.path("start_values");
    for (Map.Entry<String, JsonNode> entry : values.properties()) {
      startValues.put(entry.getKey(), scalar(entry.getValue()));
    }
    List<RunRequest.Signal> signals = new ArrayList<>();
    for (JsonNode signal : root.path("input_signals")) {
      signals.add(
          new RunRequest.Signal(
              signal.path("name").asString(),
              doubles(signal.path("time")),
              values(signal.path("values")),
              signal.hasNonNull("interpolation") ? signal.get("interpolation").asString() : null));
    }
    return new RunRequest(
        number(root, "start_time"),
        number(root, "stop_time"),
        number(root, "step"),
        startValues,
        signals,
        strings(root.path("outputs")),
        strings(root.path("kpis")),
        text(root, "interface"),
        text(root, "solver"),
        number(root, "rtol"),
        number(root, "atol"),
        clockTicks(root.path("clock_ticks")));
  }

  private static Map<String, List<Double>> clockTicks(JsonNode ticks) {
    Map<String, List<Double>> clockTicks = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : ticks.properties()) {
      clockTicks.put(entry.getKey(), doubles(entry.getValue()));
    }
    return clockTicks;
  }

  private static void number(ObjectNode root, String field, OptionalDouble value) {
    value.ifPresent(v -> root.put(field, v));
  }

  private static void strings(ObjectNode root, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = root.putArray(field);
      values.forEach(array::add);
    }
  }

  private static OptionalDouble number(JsonNode root, String field) {
    return root.hasNonNull(field)
        ? OptionalDouble.of(root.get(field).asDouble())
        : OptionalDouble.empty();
  }

  private static Optional<String> text(JsonNode root, String field) {
    return root.hasNonNull(field) ? Optional.of(root.get(field).asString()) : Optional.empty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asDouble()));
    return values;
  }

  private static List<Object> values(JsonNode array) {
    List<Object> values = new ArrayList<>();
    array.forEach(v -> values.add(scalar(v)));
    return values;
  }

  /**
   * A value as the API read it: a whole number as an Integer, Long or BigInteger by its size (so a
   * 64-bit integer never passes through a double), a float as a Double, booleans and text as they
   * were, an array (of an array input) as a list.
   */
  private static Object scalar(JsonNode value) {
    if (value.isArray()) {
      return values(value);
    }
    if (value.isNumber()) {
      return value.isIntegralNumber() ? value.numberValue() : (Object) value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.asString();
  }
}
