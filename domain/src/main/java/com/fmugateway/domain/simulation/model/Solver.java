package com.fmugateway.domain.simulation.model;

import java.util.Objects;
import java.util.OptionalDouble;

/** A model-exchange integrator and its tolerances (ignored by fixed-step kinds). */
public record Solver(SolverKind kind, double rtol, double atol, OptionalDouble maxStep) {

  public static final double DEFAULT_RTOL = 1e-6;
  public static final double DEFAULT_ATOL = 1e-8;

  public Solver {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(maxStep, "maxStep");
  }

  public static Solver defaults() {
    return new Solver(
        SolverKind.DORMAND_PRINCE, DEFAULT_RTOL, DEFAULT_ATOL, OptionalDouble.empty());
  }
}
