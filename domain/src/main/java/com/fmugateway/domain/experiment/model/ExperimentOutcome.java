package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.billing.model.PaymentDemand;
import java.util.Objects;

/**
 * What starting an experiment came to: accepted and queued, only quoted, or nothing queued because
 * it must be paid first (the edge answers 402 once).
 */
public sealed interface ExperimentOutcome {

  /** Every case's quote held and every case queued. */
  record Accepted(ExperimentView experiment) implements ExperimentOutcome {

    public Accepted {
      Objects.requireNonNull(experiment, "experiment");
    }
  }

  /** The caller asked only for the price: {@code cases} cases at {@code perCase} credits. */
  record Quoted(long cases, long perCase, long balance) implements ExperimentOutcome {

    public long total() {
      return cases * perCase;
    }
  }

  /** Nothing queued: this must be paid first. */
  record PaymentRequired(PaymentDemand demand) implements ExperimentOutcome {

    public PaymentRequired {
      Objects.requireNonNull(demand, "demand");
    }
  }
}
