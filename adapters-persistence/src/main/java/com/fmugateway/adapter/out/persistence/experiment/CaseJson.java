package com.fmugateway.adapter.out.persistence.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A case's parameters and KPIs as JSON. A KPI that is not finite (JSON has no number for it) is
 * kept as its spelling, {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, and read back as
 * the number.
 */
final class CaseJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private CaseJson() {}

  static String writeMap(Map<String, Object> values) {
    return JSON.writeValueAsString(values);
  }

  static Map<String, Object> readMap(String json) {
    return JSON.readValue(json, MAP);
  }

  static String writeKpis(Map<String, Double> kpis) {
    ObjectNode root = JSON.createObjectNode();
    kpis.forEach(
        (name, value) -> {
          if (value == null) {
            root.putNull(name);
          } else if (Double.isFinite(value)) {
            root.put(name, value);
          } else {
            root.put(name, Double.toString(value));
          }
        });
    return JSON.writeValueAsString(root);
  }

  static Map<String, Double> readKpis(String json) {
    Map<String, Double> kpis = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : JSON.readTree(json).properties()) {
      JsonNode value = entry.getValue();
      kpis.put(
          entry.getKey(),
          value.isNull()
              ? null
              : value.isString() ? Double.parseDouble(value.asString()) : value.asDouble());
    }
    return kpis;
  }
}
