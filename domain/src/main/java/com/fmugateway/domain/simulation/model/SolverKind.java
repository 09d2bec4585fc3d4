package com.fmugateway.domain.simulation.model;

import java.util.Arrays;
import java.util.Optional;

/** Integrators for model exchange. Co-simulation FMUs bring their own. */
public enum SolverKind {
  /** Explicit Euler with a fixed step (the output interval, or {@code max_step}). */
  EULER("euler", false),
  /** Classical fixed-step Runge–Kutta of order 4. */
  RK4("rk4", false),
  /** Adaptive Dormand–Prince 5(4). The default. */
  DORMAND_PRINCE("dormand_prince", true),
  /** Adaptive Dormand–Prince 8(5,3), for tight tolerances. */
  DORMAND_PRINCE_853("dormand_prince_853", true),
  /** Adaptive linearly implicit Rosenbrock 2(3), L-stable: for stiff models. */
  ROSENBROCK("rosenbrock", true),
  /**
   * Dormand–Prince 5(4) until its steps collapse the way they do on a stiff model, then the
   * Rosenbrock method for the rest of the run.
   */
  AUTO("auto", true);

  private final String code;
  private final boolean adaptive;

  SolverKind(String code, boolean adaptive) {
    this.code = code;
    this.adaptive = adaptive;
  }

  public String code() {
    return code;
  }

  public boolean adaptive() {
    return adaptive;
  }

  public static Optional<SolverKind> fromCode(String code) {
    String normalized = code.toLowerCase().replace('-', '_');
    if (normalized.equals("dopri5") || normalized.equals("rk45")) {
      return Optional.of(DORMAND_PRINCE);
    }
    if (normalized.equals("ode23s")) {
      return Optional.of(ROSENBROCK);
    }
    if (normalized.equals("dopri853")) {
      return Optional.of(DORMAND_PRINCE_853);
    }
    return Arrays.stream(values()).filter(k -> k.code.equals(normalized)).findFirst();
  }
}
