package com.fmugateway.adapter.in.http.docs;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Adds each operation's {@link ProblemResponses}, and 401 where a key is needed. */
@Component
class ProblemResponsesCustomizer implements OperationCustomizer {

  static final String PROBLEM_JSON = "application/problem+json";

  private static final Map<Integer, String> MEANINGS =
      Map.ofEntries(
          Map.entry(400, "A request field, parameter or the body is invalid; `field` names it"),
          Map.entry(401, "No API key, or an unknown or revoked one"),
          Map.entry(
              402,
              "Credits are short: the quote, and (unless `quote_only`) a checkout to pay for this"
                  + " very request, with `next_step` saying what to do"),
          Map.entry(403, "The key may not do this (operators only)"),
          Map.entry(404, "No such resource for this account"),
          Map.entry(409, "The request conflicts with the current state"),
          Map.entry(410, "The checkout expired or its payment token was already used"),
          Map.entry(413, "The body or upload is larger than allowed"),
          Map.entry(415, "The body is not of a content type this operation reads"),
          Map.entry(
              422,
              "Understood but not processable: an invalid FMU, or a simulation that failed"
                  + " (`cause`, `fmu_log`); costs nothing"),
          Map.entry(429, "Rate limit reached; retry after `Retry-After` seconds"),
          Map.entry(
              503,
              "Temporarily unavailable (no simulation slot, payment provider unreachable); retry"
                  + " after `Retry-After` seconds; nothing was charged"));

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    TreeSet<Integer> statuses = new TreeSet<>();
    ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
    if (declared != null) {
      for (int status : declared.value()) {
        statuses.add(status);
      }
    }
    if (!handler.hasMethodAnnotation(SecurityRequirements.class)) {
      statuses.add(401);
    }
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    for (int status : statuses) {
      operation.getResponses().addApiResponse(String.valueOf(status), problem(status));
    }
    return operation;
  }

  private static ApiResponse problem(int status) {
    String schema =
        status == 402 ? ApiDocumentCustomizer.PAYMENT_REQUIRED : ApiDocumentCustomizer.PROBLEM;
    ApiResponse response =
        new ApiResponse()
            .description(
                MEANINGS.getOrDefault(status, HttpStatus.valueOf(status).getReasonPhrase()))
            .content(
                new Content()
                    .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    if (status == 429 || status == 503) {
      response.addHeaderObject(
          "Retry-After",
          new Header()
              .description("Seconds to wait before retrying")
              .schema(ApiDocumentCustomizer.typed("integer")));
    }
    if (status == 401) {
      response.addHeaderObject(
          "WWW-Authenticate",
          new Header()
              .description("Bearer realm=\"fmu-gateway\"")
              .schema(ApiDocumentCustomizer.typed("string")));
    }
    return response;
  }
}
