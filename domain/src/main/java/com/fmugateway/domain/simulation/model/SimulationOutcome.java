package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.billing.model.PaymentDemand;
import java.util.Objects;

/**
 * What a simulate request came to: a finished run, or nothing run because it must be paid for
 * first. Inbound adapters answer the second with 402 (the API) or a message (the portal).
 */
public sealed interface SimulationOutcome {

  /** The run finished and was paid for. */
  record Completed(SimulationReport report) implements SimulationOutcome {

    public Completed {
      Objects.requireNonNull(report, "report");
    }
  }

  /** Nothing ran: this must be paid first. */
  record PaymentRequired(PaymentDemand demand) implements SimulationOutcome {

    public PaymentRequired {
      Objects.requireNonNull(demand, "demand");
    }
  }
}
