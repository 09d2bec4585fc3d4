package com.fmugateway.adapter.out.fmi.sandbox.wire;

import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.util.List;

/** One message a worker answers a run with: samples, the end, or the failure it reported. */
public sealed interface WorkerResponse {

  /** Samples of the run; more messages follow. */
  record Samples(ResultPart.Chunk chunk) implements WorkerResponse {}

  /** The run finished; every sample has been sent. */
  record Completed(ResultPart.End end) implements WorkerResponse {}

  /** The run failed inside the worker, which reported why. */
  record Failed(Cause cause, String message, List<String> fmuLog) implements WorkerResponse {
    public Failed {
      fmuLog = List.copyOf(fmuLog);
    }
  }
}
