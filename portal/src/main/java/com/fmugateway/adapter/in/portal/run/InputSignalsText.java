package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.RunRequest;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run form's input signals: the API's JSON ({@code [{"name", "time", "values",
 * "interpolation"}]}), so what works in a request can be pasted here and back.
 */
final class InputSignalsText {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FIELD = "inputSignals";

  private InputSignalsText() {}

  static String write(List<RunRequest.Signal> signals) {
    if (signals.isEmpty()) {
      return "";
    }
    ArrayNode array = JSON.createArrayNode();
    for (RunRequest.Signal signal : signals) {
      ObjectNode node = array.addObject();
      node.put("name", signal.name());
      ArrayNode time = node.putArray("time");
      signal.time().forEach(time::add);
      ArrayNode values = node.putArray("values");
      signal.values().forEach(value -> values.add(JSON.valueToTree(value)));
      if (signal.interpolation() != null) {
        node.put("interpolation", signal.interpolation());
      }
    }
    return JSON.writeValueAsString(array);
  }

  static List<SimulateCommand.SignalSpec> read(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidInputException(FIELD, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (!root.isArray()) {
      throw new InvalidInputException(FIELD, "must be a JSON list of signals");
    }
    List<SimulateCommand.SignalSpec> signals = new ArrayList<>();
    for (JsonNode node : root) {
      if (!node.isObject() || !node.path("name").isString()) {
        throw new InvalidInputException(FIELD, "each signal needs a \"name\"");
      }
      signals.add(
          new SimulateCommand.SignalSpec(
              node.get("name").asString(),
              numbers(node, "time"),
              samples(node),
              node.hasNonNull("interpolation") ? node.get("interpolation").asString() : null));
    }
    return signals;
  }

  /**
   * A signal's samples as the API reads them: whole numbers exact (never through a double), floats,
   * booleans, text, and arrays for array inputs; the model's input types them.
   */
  private static List<Object> samples(JsonNode signal) {
    JsonNode array = signal.path("values");
    if (!array.isArray()) {
      throw new InvalidInputException(
          FIELD, "signal " + signal.path("name").asString() + " needs a list \"values\"");
    }
    List<Object> values = new ArrayList<>();
    array.forEach(value -> values.add(sample(value)));
    return values;
  }

  private static Object sample(JsonNode value) {
    if (value.isArray()) {
      List<Object> elements = new ArrayList<>();
      value.forEach(element -> elements.add(sample(element)));
      return elements;
    }
    if (value.isIntegralNumber()) {
      return value.numberValue();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.isNull() ? null : value.asString();
  }

  private static double[] numbers(JsonNode signal, String field) {
    JsonNode array = signal.path(field);
    if (!array.isArray()) {
      throw new InvalidInputException(
          FIELD, "signal " + signal.path("name").asString() + " needs a list \"" + field + "\"");
    }
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new InvalidInputException(
            FIELD,
            "signal " + signal.path("name").asString() + ": " + field + " holds a non-number");
      }
      values[i] = array.get(i).asDouble();
    }
    return values;
  }
}
