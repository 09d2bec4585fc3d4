package com.fmugateway.domain.experiment.model;

import java.util.Arrays;
import java.util.Optional;

/** How a sweep turns its parameters into cases. */
public enum SweepMethod {
  /** Every combination of every parameter's levels. */
  FULL_FACTORIAL("full_factorial"),
  /** {@code samples} cases, each parameter's range cut into that many strata, one case in each. */
  LATIN_HYPERCUBE("latin_hypercube"),
  /** {@code samples} points of the Sobol' low-discrepancy sequence (Joe–Kuo direction numbers). */
  SOBOL("sobol"),
  /** The cases the caller lists, as given. */
  CASES("cases");

  private final String code;

  SweepMethod(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<SweepMethod> fromCode(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }
}
