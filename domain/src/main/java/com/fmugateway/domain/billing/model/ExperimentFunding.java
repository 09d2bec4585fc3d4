package com.fmugateway.domain.billing.model;

import java.util.List;
import java.util.Objects;

/**
 * How an experiment stands with money before its cases are queued: every case's quote held ({@link
 * Held}), or nothing held and what the caller must pay ({@link Unpaid}).
 */
public sealed interface ExperimentFunding {

  /** One hold per case, in the order of the cases; each is settled or released by its case. */
  record Held(List<Hold> holds, long perCase) implements ExperimentFunding {

    public Held {
      holds = List.copyOf(holds);
    }

    public long total() {
      return perCase * holds.size();
    }
  }

  /** Nothing held: this must be paid first (or it was only a quote). */
  record Unpaid(PaymentDemand demand) implements ExperimentFunding {

    public Unpaid {
      Objects.requireNonNull(demand, "demand");
    }
  }
}
