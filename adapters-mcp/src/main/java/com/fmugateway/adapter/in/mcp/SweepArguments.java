package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.experiment.model.ParameterSpec;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code sweep} argument of {@code start_experiment}: the {@code sweep} of {@code POST
 * /experiments}, spelt the same, and its errors named as there ({@code
 * sweep.parameters.e.range.num}).
 */
final class SweepArguments {

  static final String SWEEP = "sweep";
  private static final Set<String> FIELDS =
      Set.of("method", "parameters", "samples", "seed", "cases");
  private static final Set<String> SPECS = Set.of("values", "range", "uniform", "normal");

  private SweepArguments() {}

  /** The sweep's schema, for the tool's input schema. */
  static Map<String, Object> schema() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "method",
        Schemas.oneOf(
            "full_factorial: every combination of the parameters' values or ranges;"
                + " latin_hypercube and sobol: `samples` cases drawn over uniform/normal"
                + " distributions (or values, ranges); cases: the listed `cases` as given.",
            List.of("full_factorial", "latin_hypercube", "sobol", "cases")));
    p.put(
        "parameters",
        Schemas.freeObject(
            "{variable: spec}, each spec exactly one of {\"values\": [0.6, 0.7]}, {\"range\":"
                + " {\"start\": 0.5, \"stop\": 0.9, \"num\": 5}}, {\"uniform\": {\"min\": 0.5,"
                + " \"max\": 0.9}}, {\"normal\": {\"mean\": 9.81, \"std\": 0.1}}. Not for method"
                + " cases."));
    p.put(
        "samples",
        Schemas.integer("Cases of latin_hypercube and sobol (required for them).", 1, 1_000_000));
    p.put(
        "seed",
        Schemas.integer(
            "The same seed always gives the same cases; default 0.", 0, Integer.MAX_VALUE));
    p.put(
        "cases",
        Schemas.arrayOf(
            "Method cases only: each {\"start_values\": {variable: value}}, laid over the shared"
                + " start_values.",
            Schemas.object(
                Map.of("start_values", Schemas.freeObject("This case's start values")),
                List.of())));
    return Schemas.object(p, List.of("method"));
  }

  /** The sweep in {@code args}; {@link InvalidInputException} naming the field if it is not one. */
  static Sweep sweep(Arguments args) {
    Map<String, Object> given = args.object(SWEEP);
    if (given == null) {
      throw new InvalidInputException(SWEEP, "is required");
    }
    String prefix = SWEEP + ".";
    Arguments sweep = RunArguments.named(prefix, () -> Arguments.of(given, FIELDS));
    String method = RunArguments.named(prefix, () -> sweep.requiredString("method"));
    SweepMethod chosen =
        SweepMethod.fromCode(method)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "sweep.method",
                        "must be full_factorial, latin_hypercube, sobol or cases, was " + method));
    Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    Map<String, Object> parameters = RunArguments.named(prefix, () -> sweep.object("parameters"));
    if (parameters != null) {
      parameters.forEach((name, spec) -> specs.put(name, spec("sweep.parameters." + name, spec)));
    }
    OptionalInt samples =
        RunArguments.named(prefix, () -> sweep.optionalInteger("samples", 0, 1_000_000));
    OptionalInt seed =
        RunArguments.named(prefix, () -> sweep.optionalInteger("seed", 0, Integer.MAX_VALUE));
    List<Map<String, Object>> listed = new ArrayList<>();
    List<Map<String, Object>> cases = RunArguments.named(prefix, () -> sweep.objectList("cases"));
    if (cases != null) {
      for (int i = 0; i < cases.size(); i++) {
        Map<String, Object> one = cases.get(i);
        String at = "sweep.cases[" + i + "].";
        Arguments fields = RunArguments.named(at, () -> Arguments.of(one, Set.of("start_values")));
        Map<String, Object> values = RunArguments.named(at, () -> fields.object("start_values"));
        listed.add(values == null ? Map.of() : values);
      }
    }
    return new Sweep(chosen, specs, samples, seed.orElse(0), listed);
  }

  private static ParameterSpec spec(String field, Object given) {
    if (!(given instanceof Map<?, ?>)) {
      throw new InvalidInputException(field, "must give one of values, range, uniform or normal");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    ((Map<?, ?>) given).forEach((k, v) -> map.put(String.valueOf(k), v));
    String prefix = field + ".";
    Arguments spec = RunArguments.named(prefix, () -> Arguments.of(map, SPECS));
    long count = SPECS.stream().filter(spec::has).count();
    if (count != 1) {
      throw new InvalidInputException(
          field, "must give exactly one of values, range, uniform or normal");
    }
    if (spec.has("values")) {
      Object values = map.get("values");
      if (!(values instanceof List<?>)) {
        throw new InvalidInputException(prefix + "values", "must be an array");
      }
      return new ParameterSpec.Values(new ArrayList<>((List<?>) values));
    }
    if (spec.has("range")) {
      Arguments range = members(prefix + "range", map.get("range"), Set.of("start", "stop", "num"));
      String at = prefix + "range.";
      return new ParameterSpec.Range(
          number(at, range, "start"),
          number(at, range, "stop"),
          RunArguments.named(
              at,
              () ->
                  range
                      .optionalInteger("num", 1, 1_000_000)
                      .orElseThrow(() -> new InvalidInputException("num", "is required"))));
    }
    if (spec.has("uniform")) {
      Arguments uniform = members(prefix + "uniform", map.get("uniform"), Set.of("min", "max"));
      String at = prefix + "uniform.";
      return new ParameterSpec.Uniform(number(at, uniform, "min"), number(at, uniform, "max"));
    }
    Arguments normal = members(prefix + "normal", map.get("normal"), Set.of("mean", "std"));
    String at = prefix + "normal.";
    return new ParameterSpec.Normal(number(at, normal, "mean"), number(at, normal, "std"));
  }

  private static Arguments members(String field, Object given, Set<String> names) {
    if (!(given instanceof Map<?, ?>)) {
      throw new InvalidInputException(field, "must be an object");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    ((Map<?, ?>) given).forEach((k, v) -> map.put(String.valueOf(k), v));
    return RunArguments.named(field + ".", () -> Arguments.of(map, names));
  }

  private static double number(String prefix, Arguments args, String name) {
    return RunArguments.named(
        prefix,
        () ->
            args.optionalNumber(name)
                .orElseThrow(() -> new InvalidInputException(name, "is required")));
  }
}
