package com.fmugateway.adapter.in.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schema fragments for tool inputs, written out as the maps the MCP SDK sends. */
final class Schemas {

  private Schemas() {}

  /** An object with these properties, no others. */
  static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  static Map<String, Object> string(String description) {
    return typed("string", description);
  }

  static Map<String, Object> string(String description, String example) {
    Map<String, Object> schema = typed("string", description);
    schema.put("examples", List.of(example));
    return schema;
  }

  static Map<String, Object> oneOf(String description, List<String> values) {
    Map<String, Object> schema = typed("string", description);
    schema.put("enum", values);
    return schema;
  }

  static Map<String, Object> number(String description) {
    return typed("number", description);
  }

  static Map<String, Object> integer(String description, int min, int max) {
    Map<String, Object> schema = typed("integer", description);
    schema.put("minimum", min);
    schema.put("maximum", max);
    return schema;
  }

  static Map<String, Object> bool(String description) {
    return typed("boolean", description);
  }

  static Map<String, Object> strings(String description) {
    Map<String, Object> schema = typed("array", description);
    schema.put("items", Map.of("type", "string"));
    return schema;
  }

  static Map<String, Object> numbers(String description) {
    Map<String, Object> schema = typed("array", description);
    schema.put("items", Map.of("type", "number"));
    return schema;
  }

  static Map<String, Object> freeObject(String description) {
    return typed("object", description);
  }

  /** An object whose every property (its name free) holds {@code values}. */
  static Map<String, Object> mapOf(String description, Map<String, Object> values) {
    Map<String, Object> schema = typed("object", description);
    schema.put("additionalProperties", values);
    return schema;
  }

  static Map<String, Object> arrayOf(String description, Map<String, Object> items) {
    Map<String, Object> schema = typed("array", description);
    schema.put("items", items);
    return schema;
  }

  private static Map<String, Object> typed(String type, String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    schema.put("description", description);
    return schema;
  }
}
