package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.fmu.model.ModelVariable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.OptionalDouble;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One variable of a model, with FMI's own vocabulary in lower camel case as in the XML. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VariableResponse(
    String name,
    long valueReference,
    @Schema(allowableValues = {"Real", "Integer", "Boolean", "String"}) String type,
    String causality,
    String variability,
    @Schema(types = {"string", "null"}) String initial,
    @Schema(types = {"string", "null"}) String start,
    @Schema(types = {"number", "null"}) Double min,
    @Schema(types = {"number", "null"}) Double max,
    @Schema(types = {"number", "null"}) Double nominal,
    @Schema(types = {"string", "null"}) String unit,
    @Schema(types = {"string", "null"}) String description) {

  static VariableResponse from(ModelVariable v) {
    return new VariableResponse(
        v.name(),
        v.valueReference(),
        capitalized(v.type().name()),
        camel(v.causality().name()),
        camel(v.variability().name()),
        v.initial().map(i -> camel(i.name())).orElse(null),
        v.start().orElse(null),
        boxed(v.min()),
        boxed(v.max()),
        boxed(v.nominal()),
        v.unit().orElse(null),
        v.description().orElse(null));
  }

  /** CALCULATED_PARAMETER → calculatedParameter, as the FMI standard spells it. */
  private static String camel(String constant) {
    String[] parts = constant.toLowerCase(Locale.ROOT).split("_");
    StringBuilder out = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return out.toString();
  }

  private static String capitalized(String constant) {
    String lower = constant.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
