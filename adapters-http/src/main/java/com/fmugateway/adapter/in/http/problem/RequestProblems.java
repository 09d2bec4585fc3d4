package com.fmugateway.adapter.in.http.problem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Requests the framework could not read (malformed JSON, a field or query parameter of the wrong
 * type, a broken multipart body) as 400s naming what is wrong in the API's words: the parsers' own
 * messages name Java types and settings, so none of them is passed on.
 */
final class RequestProblems {

  private RequestProblems() {}

  static Problem badJson(JacksonException jackson) {
    List<String> path =
        jackson.getPath().stream()
            .map(
                ref ->
                    ref.getPropertyName() != null
                        ? ref.getPropertyName()
                        : "[" + ref.getIndex() + "]")
            .toList();
    String field = path.isEmpty() ? "body" : String.join(".", path).replace(".[", "[");
    if (jackson instanceof UnrecognizedPropertyException unknown) {
      return Problem.invalidField(
          field,
          "is not a field of this request; the fields are "
              + String.join(
                  ", ",
                  unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
    }
    if (jackson instanceof InvalidFormatException format
        && format.getValue() instanceof String text
        && text.indexOf('\0') >= 0) {
      return Problem.invalidField(field, "must not contain NUL characters");
    }
    if (jackson instanceof MismatchedInputException mismatched
        && mismatched.getTargetType() != null) {
      return Problem.invalidField(field, "must be " + kindOf(mismatched.getTargetType()));
    }
    if (jackson instanceof StreamReadException) {
      TokenStreamLocation at = jackson.getLocation();
      return Problem.invalidField(
          field,
          "is not valid JSON"
              + (at == null || at.getLineNr() < 0
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + "; numbers must be finite (no NaN or Infinity) and strings quoted");
    }
    return Problem.invalidField(field, "is malformed or of the wrong type");
  }

  static Problem badParameter(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    String name =
        param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
    return Problem.invalidField(
        name == null ? "query" : name, "must be " + kindOf(parameter.getParameterType()));
  }

  /** Multipart bodies are only for {@code POST /fmus}, whose one part is {@code file}. */
  static Problem brokenMultipart(DecodingException e) {
    String message = String.valueOf(e.getMessage());
    return Problem.invalidField(
        "file",
        message.startsWith("Too many parts")
            ? "the multipart body has too many parts; send the FMU as the one part named file"
            : "the multipart/form-data body cannot be read (its boundary is missing or wrong, or"
                + " it ends early); send the FMU as the part named file");
  }

  /** What a JSON value or query parameter of this Java type looks like to a client. */
  static String kindOf(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return "a string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of "
          + String.join(
              ", ",
              java.util.Arrays.stream(type.getEnumConstants())
                  .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                  .toList());
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "of another type";
  }
}
