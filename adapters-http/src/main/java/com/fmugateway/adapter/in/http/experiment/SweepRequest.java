package com.fmugateway.adapter.in.http.experiment;

import com.fmugateway.domain.experiment.model.ParameterSpec;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.shared.model.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The {@code sweep} of {@code POST /experiments}: how its cases are made. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SweepRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"full_factorial", "latin_hypercube", "sobol", "cases"})
        String method,
    @Schema(description = "{name: one of values, range, uniform, normal}")
        Map<String, ParameterRequest> parameters,
    @Schema(description = "Cases of latin_hypercube and sobol") Integer samples,
    @Schema(description = "The same seed always gives the same cases; default 0") Long seed,
    @Schema(description = "The cases of method cases") List<CaseRequest> cases) {

  /** Exactly one of its members says how one parameter varies. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ParameterRequest(
      List<Object> values, RangeRequest range, UniformRequest uniform, NormalRequest normal) {}

  /** {@code num} evenly spaced values from {@code start} to {@code stop}. */
  public record RangeRequest(Double start, Double stop, Integer num) {}

  /** Uniform on [min, max]. */
  public record UniformRequest(Double min, Double max) {}

  /** Normal with {@code mean} and standard deviation {@code std}. */
  public record NormalRequest(Double mean, Double std) {}

  /** One listed case. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CaseRequest(Map<String, Object> startValues) {}

  Sweep toSweep() {
    SweepMethod chosen =
        method == null
            ? null
            : SweepMethod.fromCode(method)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "sweep.method",
                            "must be full_factorial, latin_hypercube, sobol or cases, was "
                                + method));
    Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    if (parameters != null) {
      parameters.forEach((name, p) -> specs.put(name, spec("sweep.parameters." + name, p)));
    }
    List<Map<String, Object>> listed = new ArrayList<>();
    if (cases != null) {
      for (int i = 0; i < cases.size(); i++) {
        CaseRequest c = cases.get(i);
        if (c == null) {
          throw new InvalidInputException("sweep.cases[" + i + "]", "must not be null");
        }
        listed.add(c.startValues() == null ? Map.of() : c.startValues());
      }
    }
    return new Sweep(
        chosen,
        specs,
        samples == null ? OptionalInt.empty() : OptionalInt.of(samples),
        seed == null ? 0 : seed,
        listed);
  }

  private static ParameterSpec spec(String field, ParameterRequest p) {
    if (p == null) {
      throw new InvalidInputException(field, "must give one of values, range, uniform or normal");
    }
    int given =
        (p.values() != null ? 1 : 0)
            + (p.range() != null ? 1 : 0)
            + (p.uniform() != null ? 1 : 0)
            + (p.normal() != null ? 1 : 0);
    if (given != 1) {
      throw new InvalidInputException(
          field, "must give exactly one of values, range, uniform or normal");
    }
    if (p.values() != null) {
      return new ParameterSpec.Values(new ArrayList<>(p.values()));
    }
    if (p.range() != null) {
      return new ParameterSpec.Range(
          required(field + ".range.start", p.range().start()),
          required(field + ".range.stop", p.range().stop()),
          (int)
              required(
                  field + ".range.num",
                  p.range().num() == null ? null : p.range().num().doubleValue()));
    }
    if (p.uniform() != null) {
      return new ParameterSpec.Uniform(
          required(field + ".uniform.min", p.uniform().min()),
          required(field + ".uniform.max", p.uniform().max()));
    }
    return new ParameterSpec.Normal(
        required(field + ".normal.mean", p.normal().mean()),
        required(field + ".normal.std", p.normal().std()));
  }

  private static double required(String field, Double value) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    return value;
  }
}
