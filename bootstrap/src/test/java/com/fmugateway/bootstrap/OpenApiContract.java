package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's own {@code /v3/api-docs}, as a client generator reads it: finds the operation a
 * request is for and checks request and response bodies against its JSON schemas, strictly: an
 * object may hold only the members its schema names (except the open problem document).
 */
final class OpenApiContract {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BASE = "https://fmugateway.test/v3/api-docs";

  final JsonNode document;
  private final SchemaRegistry schemas;

  OpenApiContract(String documentText) {
    this.document = JSON.readTree(documentText);
    String strict = JSON.writeValueAsString(strict(document.deepCopy()));
    this.schemas =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE, strict)));
  }

  /** Every operation as {@code "METHOD /path/{template}"}. */
  List<String> operations() {
    List<String> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        operations.add(method.getKey().toUpperCase() + " " + path.getKey());
      }
    }
    return operations;
  }

  JsonNode operation(String operation) {
    String[] parts = operation.split(" ", 2);
    JsonNode node = document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    assertThat(node.isMissingNode()).as("%s is in the OpenAPI document", operation).isFalse();
    return node;
  }

  /** The request body the client sends, valid for the operation's JSON request schema. */
  void assertValidRequest(String operation, String body) {
    JsonNode media = operation(operation).path("requestBody").path("content");
    assertThat(media.has("application/json"))
        .as("%s documents a JSON request body", operation)
        .isTrue();
    assertValid(
        pointer(operation) + "/requestBody/content/application~1json/schema",
        JSON.readTree(body),
        operation + " request");
  }

  /** A response the gateway gave: its status is documented, and its body fits the schema. */
  void assertValidResponse(String operation, int status, String contentType, String body) {
    JsonNode response = operation(operation).path("responses").path(String.valueOf(status));
    assertThat(response.isMissingNode())
        .as("%s documents status %d (it answered %s)", operation, status, body)
        .isFalse();
    if (body == null || body.isEmpty() || !response.has("content")) {
      return;
    }
    String media = contentType == null ? "" : contentType.split(";")[0].strip();
    assertThat(response.path("content").has(media))
        .as("%s %d documents %s", operation, status, media)
        .isTrue();
    if (!media.endsWith("json")) {
      return;
    }
    assertValid(
        pointer(operation)
            + "/responses/"
            + status
            + "/content/"
            + media.replace("/", "~1")
            + "/schema",
        JSON.readTree(body),
        operation + " " + status);
  }

  private void assertValid(String pointer, JsonNode instance, String what) {
    Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer));
    List<Error> errors = schema.validate(instance);
    assertThat(errors).as("%s fits its schema: %s", what, instance).isEmpty();
  }

  private static String pointer(String operation) {
    String[] parts = operation.split(" ", 2);
    return "/paths/"
        + parts[1].replace("~", "~0").replace("/", "~1")
        + "/"
        + parts[0].toLowerCase();
  }

  /** Objects documented with members allow no others; the problem document stays open. */
  private static JsonNode strict(JsonNode document) {
    for (Map.Entry<String, JsonNode> entry :
        document.path("components").path("schemas").properties()) {
      if (!entry.getKey().equals("Problem")) {
        close(entry.getValue());
      }
    }
    return document;
  }

  private static void close(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    if ((object.has("properties") || object.has("allOf"))
        && !object.has("additionalProperties")
        && !object.has("unevaluatedProperties")) {
      object.put("unevaluatedProperties", false);
    }
    JsonNode properties = object.path("properties");
    for (Iterator<JsonNode> it = properties.values().iterator(); it.hasNext(); ) {
      JsonNode property = it.next();
      close(property);
      close(property.path("items"));
    }
  }

  /** Every member name the document gives, and every parameter name. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    collect(document, names);
    return names;
  }

  private static void collect(JsonNode node, List<String> names) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getKey().equals("properties") && entry.getValue().isObject()) {
          entry.getValue().propertyNames().forEach(names::add);
        }
        if (entry.getKey().equals("parameters") && entry.getValue().isArray()) {
          // Header parameters are named as HTTP names them (PAYMENT-SIGNATURE), not as members.
          entry
              .getValue()
              .forEach(
                  p -> {
                    if (!"header".equals(p.path("in").asString())) {
                      names.add(p.path("name").asString());
                    }
                  });
        }
        collect(entry.getValue(), names);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, names));
    }
  }

  static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
}
