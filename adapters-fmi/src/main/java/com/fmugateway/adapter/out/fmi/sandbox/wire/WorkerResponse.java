package com.fmugateway.adapter.out.fmi.sandbox.wire;

import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.util.List;

/** What a worker answers to one run: a result, or the failure the engine reported. */
public sealed interface WorkerResponse {

  /** The run finished. */
  record Completed(SimulationResult result) implements WorkerResponse {}

  /** The run failed inside the worker, which reported why. */
  record Failed(Cause cause, String message, List<String> fmuLog) implements WorkerResponse {
    public Failed {
      fmuLog = List.copyOf(fmuLog);
    }
  }
}
