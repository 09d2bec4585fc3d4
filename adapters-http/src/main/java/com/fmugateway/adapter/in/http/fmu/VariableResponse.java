package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.fmu.model.ArrayDimension;
import com.fmugateway.domain.fmu.model.ClockTiming;
import com.fmugateway.domain.fmu.model.ModelVariable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One variable of a model, with FMI's own vocabulary in lower camel case as in the XML. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VariableResponse(
    String name,
    long valueReference,
    @Schema(
            description =
                "FMI 2.0: Real, Integer, Boolean, String, Enumeration; FMI 3.0: Float32, Float64,"
                    + " Int8 to Int64, UInt8 to UInt64, Boolean, String, Binary, Enumeration,"
                    + " Clock")
        String type,
    String causality,
    String variability,
    @Schema(types = {"string", "null"}) String initial,
    @Schema(types = {"string", "null"}) String start,
    @Schema(types = {"number", "null"}) Double min,
    @Schema(types = {"number", "null"}) Double max,
    @Schema(types = {"number", "null"}) Double nominal,
    @Schema(types = {"string", "null"}) String unit,
    @Schema(types = {"string", "null"}) String description,
    @Schema(description = "Array dimensions, outermost first; empty for a scalar")
        List<DimensionResponse> dimensions,
    @Schema(description = "Names of the clocks the variable belongs to (FMI 3.0)")
        List<String> clocks,
    @Schema(
            types = {"string", "null"},
            description =
                "A clock's interval variability: constant, fixed, tunable, changing, countdown or"
                    + " triggered")
        String intervalVariability,
    @Schema(
            types = {"number", "null"},
            description = "A clock's interval in seconds, when fixed by the description")
        Double interval) {

  /** One array dimension: its size, and the structural parameter sizing it if any. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DimensionResponse(
      @Schema(types = {"integer", "null"}) Long size,
      @Schema(types = {"string", "null"}) String structuralParameter) {

    static DimensionResponse from(ArrayDimension dimension) {
      return new DimensionResponse(
          dimension.size().isPresent() ? dimension.size().getAsLong() : null,
          dimension.structuralParameter().orElse(null));
    }
  }

  static VariableResponse from(ModelVariable v) {
    return new VariableResponse(
        v.name(),
        v.valueReference(),
        v.type().label(),
        camel(v.causality().name()),
        camel(v.variability().name()),
        v.initial().map(i -> camel(i.name())).orElse(null),
        v.start().orElse(null),
        boxed(v.min()),
        boxed(v.max()),
        boxed(v.nominal()),
        v.unit().orElse(null),
        v.description().orElse(null),
        v.dimensions().stream().map(DimensionResponse::from).toList(),
        v.clocks(),
        v.clock().map(ClockTiming::intervalVariability).orElse(null),
        v.clock().map(c -> boxed(c.interval())).orElse(null));
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

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
