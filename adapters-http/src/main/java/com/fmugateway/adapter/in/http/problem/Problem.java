package com.fmugateway.adapter.in.http.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem document. Extension members: {@code field} names the first offending request
 * field, {@code errors} lists every one with its message.
 */
public record Problem(
    HttpStatus status,
    String title,
    String detail,
    List<FieldError> errors,
    Map<String, Object> extra) {

  /** One invalid request field, named as the client sent it. */
  public record FieldError(String field, String message) {}

  public static Problem of(HttpStatus status, String detail) {
    return new Problem(status, status.getReasonPhrase(), detail, List.of(), Map.of());
  }

  public static Problem invalidField(String field, String message) {
    return new Problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        field + ": " + message,
        List.of(new FieldError(field, message)),
        Map.of());
  }

  public static Problem invalidFields(List<FieldError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return new Problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors, Map.of());
  }

  public Problem with(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extra);
    more.put(key, value);
    return new Problem(status, title, detail, errors, more);
  }

  /** The JSON members in RFC 9457 order, then the extensions. */
  public Map<String, Object> toBody(String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", instance);
    if (!errors.isEmpty()) {
      body.put("field", errors.get(0).field());
      body.put(
          "errors",
          errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }
    body.putAll(extra);
    return body;
  }
}
