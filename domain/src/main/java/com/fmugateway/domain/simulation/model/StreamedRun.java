package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.fmu.model.FmuId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a streamed simulate request delivers, in order: {@link Started} once paid and running, its
 * {@link Samples} as they come, then {@link Finished} only once the run succeeded and was charged.
 * A run that fails, even after samples, ends the stream with its error and is not charged. Or,
 * alone, {@link PaymentRequired}: nothing ran.
 */
public sealed interface StreamedRun {

  /** The run is paid for and starts; {@code arrays}: the array outputs (see SimulationResult). */
  record Started(UUID runId, FmuId fmuId, Set<String> arrays) implements StreamedRun {
    public Started {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(fmuId, "fmuId");
      arrays = Set.copyOf(arrays);
    }
  }

  /** The next samples, in the layout asked for. */
  record Samples(ResultPart.Chunk chunk) implements StreamedRun {
    public Samples {
      Objects.requireNonNull(chunk, "chunk");
    }
  }

  /**
   * The run succeeded and was charged: its KPIs, provenance and cost; its result holds no samples
   * (they streamed), only steps, events, CPU time, FMU log and clock events.
   */
  record Finished(SimulationReport report) implements StreamedRun {
    public Finished {
      Objects.requireNonNull(report, "report");
    }
  }

  /** Nothing ran: this must be paid first. */
  record PaymentRequired(PaymentDemand demand) implements StreamedRun {
    public PaymentRequired {
      Objects.requireNonNull(demand, "demand");
    }
  }
}
