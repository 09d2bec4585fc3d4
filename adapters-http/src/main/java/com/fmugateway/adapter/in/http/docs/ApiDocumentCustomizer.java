package com.fmugateway.adapter.in.http.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The document's finishing: the problem+json schemas every error refers to, JSON named as the media
 * type of every JSON answer (not {@code *}{@code /*}), and {@code required} on responses: a
 * response record without {@code @JsonInclude(NON_NULL)} always writes every member (null ones as
 * {@code null}, documented as such on the member), so all its members are required; a NON_NULL
 * record marks its always-present members itself and is left alone.
 */
@Component
class ApiDocumentCustomizer implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String PAYMENT_REQUIRED = "PaymentRequiredProblem";
  private static final String REF = "#/components/schemas/";
  private static final String TEXT_CSV = "text/csv";

  /** NON_EMPTY records whose members are each absent when empty: none is required. */
  private static final Set<String> SPARSE = Set.of("NonFinite");

  @Override
  public void customise(OpenAPI openApi) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    schemas.forEach(ApiDocumentCustomizer::requireAlwaysWrittenMembers);
    schemas.put(PROBLEM, problem());
    schemas.put("ProblemFieldError", fieldError());
    schemas.put("PaymentQuote", quote());
    schemas.put(PAYMENT_REQUIRED, paymentRequired());
    if (openApi.getPaths() != null) {
      openApi.getPaths().values().stream()
          .flatMap(path -> path.readOperations().stream())
          .forEach(ApiDocumentCustomizer::jsonInsteadOfAnything);
    }
  }

  static Schema<Object> typed(String... types) {
    return new JsonSchema().types(new LinkedHashSet<>(List.of(types)));
  }

  private static void requireAlwaysWrittenMembers(String name, Schema<?> schema) {
    if (schema.getProperties() == null
        || schema.getRequired() != null
        || name.endsWith("Request")
        || SPARSE.contains(name)) {
      return;
    }
    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
  }

  private static void jsonInsteadOfAnything(Operation operation) {
    if (operation.getResponses() == null) {
      return;
    }
    for (ApiResponse response : operation.getResponses().values()) {
      Content content = response.getContent();
      if (content != null && content.containsKey(MediaType.ALL_VALUE)) {
        content.put(MediaType.APPLICATION_JSON_VALUE, content.remove(MediaType.ALL_VALUE));
      }
      if (content != null && content.containsKey(TEXT_CSV)) {
        content
            .get(TEXT_CSV)
            .setSchema(typed("string").description("time, then one column per variable"));
      }
    }
  }

  private static Schema<Object> problem() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", typed("string").description("Always about:blank"));
    properties.put("title", typed("string"));
    properties.put("status", typed("integer").description("The HTTP status"));
    properties.put("detail", typed("string").description("What went wrong, for a person"));
    properties.put("instance", typed("string").description("The request path"));
    properties.put(
        "field", typed("string").description("The first offending request field, as sent"));
    properties.put(
        "errors",
        typed("array")
            .description("Every offending field")
            .items(new JsonSchema().$ref(REF + "ProblemFieldError")));
    properties.put(
        "retry_after",
        typed("integer").description("429 and 503: seconds to wait, as Retry-After"));
    properties.put("max_bytes", typed("integer").description("413 of an upload: the limit"));
    properties.put(
        "cause",
        typed("string")
            .description("A failed simulation's cause: timeout, crashed, out_of_memory, …"));
    properties.put(
        "fmu_log", typed("array").items(typed("string")).description("A failed run's FMU log"));
    properties.put("error_id", typed("string").description("500: quote it to support"));
    return typed("object")
        .description("RFC 9457 problem details, with the gateway's extension members")
        .properties(properties)
        .required(List.of("type", "title", "status", "detail", "instance"));
  }

  private static Schema<Object> fieldError() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("field", typed("string"));
    properties.put("message", typed("string"));
    return typed("object").properties(properties).required(List.of("field", "message"));
  }

  private static Schema<Object> quote() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("fmu_id", typed("string", "null"));
    properties.put("credits", typed("integer"));
    properties.put("balance_credits", typed("integer"));
    properties.put("amount", typed("number").description("In major units, e.g. 1.00"));
    properties.put("amount_minor", typed("integer").description("In minor units (cents)"));
    properties.put("currency", typed("string"));
    return typed("object")
        .description("The price of the run")
        .properties(properties)
        .required(List.of("credits", "balance_credits", "amount", "amount_minor", "currency"));
  }

  /** The 402 of {@code /simulate}: a problem with the checkout's members at its top level. */
  private static Schema<Object> paymentRequired() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("quote_credits", typed("integer").description("What the run costs in credits"));
    properties.put("balance_credits", typed("integer"));
    properties.put(
        "session_id",
        typed("string").description("The checkout; poll GET /payments/checkout/{session_id}"));
    properties.put("checkout_url", typed("string").description("Where to pay (absent for quotes)"));
    properties.put("purpose", typed("string").description("run"));
    properties.put("amount", typed("number").description("In major units, e.g. 1.00"));
    properties.put("amount_minor", typed("integer").description("In minor units (cents)"));
    properties.put("currency", typed("string"));
    properties.put("methods", typed("array").items(typed("string")).description("card, crypto"));
    properties.put("payment_method", typed("string"));
    properties.put("provider", typed("string"));
    properties.put("fmu_id", typed("string"));
    properties.put("expires_at", typed("string").format("date-time"));
    properties.put(
        "next_step", typed("string").description("Exactly what to do next, for a person or agent"));
    properties.put("quote", new JsonSchema().$ref(REF + "PaymentQuote"));
    return new JsonSchema()
        .description(
            "402 Payment Required: the quote and, unless only a quote was asked for, a checkout"
                + " for this very request. Pay at checkout_url, poll the checkout until it has a"
                + " payment_token, then send the same request again with payment_token.")
        .allOf(
            List.of(
                new JsonSchema().$ref(REF + PROBLEM),
                typed("object")
                    .properties(properties)
                    .required(List.of("quote_credits", "balance_credits"))));
  }
}
