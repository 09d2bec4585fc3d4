package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A parameter sweep as the caller asked for it, checked on its own: the method's needs (levels for
 * a full factorial, {@code samples} for sampling designs, a list for {@code cases}), finite
 * numbers, and the Sobol' dimension limit. Errors name the field as the API spells it ({@code
 * sweep.parameters.k.range.num}). The same sweep, seed included, always gives the same cases.
 */
public record Sweep(
    SweepMethod method,
    Map<String, ParameterSpec> parameters,
    OptionalInt samples,
    long seed,
    List<Map<String, Object>> cases) {

  /** Parameters a Sobol' design may have: the direction numbers this gateway carries. */
  public static final int MAX_SOBOL_DIMENSIONS = 21;

  public Sweep {
    if (method == null) {
      throw new InvalidInputException(
          "sweep.method", "is required: full_factorial, latin_hypercube, sobol or cases");
    }
    parameters =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    Objects.requireNonNull(samples, "samples");
    cases = cases == null ? List.of() : List.copyOf(cases);
    parameters.forEach(
        (name, spec) -> {
          if (name == null || name.isBlank()) {
            throw new InvalidInputException("sweep.parameters", "names must not be empty");
          }
          if (spec == null) {
            throw new InvalidInputException(
                "sweep.parameters." + name, "must give one of values, range, uniform or normal");
          }
          ParameterSpec.check("sweep.parameters." + name, spec);
        });
    checkMethod(method, parameters, samples, cases);
  }

  private static void checkMethod(
      SweepMethod method,
      Map<String, ParameterSpec> parameters,
      OptionalInt samples,
      List<Map<String, Object>> cases) {
    if (method == SweepMethod.CASES) {
      if (cases.isEmpty()) {
        throw new InvalidInputException("sweep.cases", "must list at least one case");
      }
      if (!parameters.isEmpty()) {
        throw new InvalidInputException(
            "sweep.parameters", "is not used by method cases: give each case's start_values");
      }
      for (int i = 0; i < cases.size(); i++) {
        if (cases.get(i) == null) {
          throw new InvalidInputException("sweep.cases[" + i + "]", "must not be null");
        }
      }
      return;
    }
    if (!cases.isEmpty()) {
      throw new InvalidInputException(
          "sweep.cases", "is only used by method cases, not " + method.code());
    }
    if (parameters.isEmpty()) {
      throw new InvalidInputException("sweep.parameters", "must name at least one parameter");
    }
    if (method == SweepMethod.FULL_FACTORIAL) {
      if (samples.isPresent()) {
        throw new InvalidInputException(
            "sweep.samples", "is not used by full_factorial: its levels give the cases");
      }
      parameters.forEach(
          (name, spec) -> {
            if (spec.levels().isEmpty()) {
              throw new InvalidInputException(
                  "sweep.parameters." + name, "full_factorial needs values or a range");
            }
          });
      return;
    }
    if (samples.isEmpty() || samples.getAsInt() < 1) {
      throw new InvalidInputException(
          "sweep.samples", "is required for " + method.code() + " and must be 1 or more");
    }
    if (method == SweepMethod.SOBOL && parameters.size() > MAX_SOBOL_DIMENSIONS) {
      throw new InvalidInputException(
          "sweep.parameters",
          "sobol supports at most "
              + MAX_SOBOL_DIMENSIONS
              + " parameters, got "
              + parameters.size());
    }
  }

  /**
   * How many cases this sweep gives, without generating them; {@link Long#MAX_VALUE} when a full
   * factorial would overflow.
   */
  public long caseCount() {
    switch (method) {
      case CASES:
        return cases.size();
      case FULL_FACTORIAL:
        long product = 1;
        for (ParameterSpec spec : parameters.values()) {
          int levels = spec instanceof ParameterSpec.Range r ? r.num() : spec.levels().size();
          try {
            product = Math.multiplyExact(product, levels);
          } catch (ArithmeticException tooMany) {
            return Long.MAX_VALUE;
          }
        }
        return product;
      default:
        return samples.getAsInt();
    }
  }
}
