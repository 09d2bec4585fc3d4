package com.fmugateway.domain.simulation.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The model-exchange solver's work beyond steps and events: how often it asked the FMU for its
 * derivatives, and, when an implicit method ran, where its Jacobians came from and how many it
 * took.
 */
public record SolverStatistics(
    long derivativeEvaluations, Optional<JacobianSource> jacobian, long jacobianEvaluations) {

  public SolverStatistics {
    Objects.requireNonNull(jacobian, "jacobian");
  }

  /**
   * How the implicit method obtained the Jacobian of the derivatives with respect to the states.
   */
  public enum JacobianSource {
    DIRECTIONAL_DERIVATIVES("directional_derivatives"),
    FINITE_DIFFERENCES("finite_differences");

    private final String code;

    JacobianSource(String code) {
      this.code = code;
    }

    /** As the API spells it. */
    public String code() {
      return code;
    }

    public static Optional<JacobianSource> fromCode(String code) {
      return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
  }
}
