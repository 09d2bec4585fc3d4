package com.fmugateway.adapter.in.http.problem;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** A failed run as problem+json: 422 with the FMU's own log, or 503 with a retry hint. */
final class SimulationProblems {

  /** Seconds a client should wait before retrying when no worker was free. */
  static final int RETRY_AFTER_SECONDS = 5;

  private SimulationProblems() {}

  static Problem of(SimulationFailedException failed) {
    boolean overloaded = failed.failureCause() == SimulationFailedException.Cause.OVERLOADED;
    Problem problem =
        overloaded
            ? Problem.of(HttpStatus.SERVICE_UNAVAILABLE, failed.getMessage())
                .with("retry_after", RETRY_AFTER_SECONDS)
            : new Problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Simulation failed",
                failed.getMessage(),
                java.util.List.of(),
                java.util.Map.of());
    return problem
        .with("cause", failed.failureCause().name().toLowerCase(Locale.ROOT))
        .with("fmu_log", failed.fmuLog());
  }
}
