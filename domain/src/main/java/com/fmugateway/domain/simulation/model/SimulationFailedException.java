package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.shared.model.DomainException;
import java.util.List;
import java.util.Objects;

/**
 * A run that did not produce a result. The caller is not charged; {@code fmuLog} carries what the
 * FMU itself said, so the customer can fix the model or its inputs.
 */
public class SimulationFailedException extends DomainException {

  /** Why the run failed, for the status code and operators' failure analytics. */
  public enum Cause {
    /** The FMU reported fmi2Error or fmi2Fatal, or refused a value. */
    MODEL_ERROR,
    /** The run passed its wall-clock limit. */
    TIMEOUT,
    /** The process running the FMU died (signal, abort) or broke the protocol. */
    CRASHED,
    /** The run exceeded a resource limit: memory, output size, log volume. */
    RESOURCE_LIMIT,
    /** No capacity to start the run now; the caller may retry later. */
    OVERLOADED
  }

  private final Cause cause;
  private final List<String> fmuLog;

  public SimulationFailedException(Cause cause, String message, List<String> fmuLog) {
    super(message);
    this.cause = Objects.requireNonNull(cause, "cause");
    this.fmuLog = List.copyOf(fmuLog);
  }

  public Cause failureCause() {
    return cause;
  }

  public List<String> fmuLog() {
    return fmuLog;
  }
}
