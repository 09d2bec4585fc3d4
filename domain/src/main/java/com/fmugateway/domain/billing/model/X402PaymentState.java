package com.fmugateway.domain.billing.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an x402 payment presented for a run stands. It is claimed once, before the run (a second
 * claim of the same payment is a replay, refused), and ends once: settled after a successful run,
 * never settled because the run failed, or never settled because settlement failed. Funds move only
 * in {@link #SETTLED}.
 */
public enum X402PaymentState {
  CLAIMED,
  SETTLED,
  RUN_FAILED,
  SETTLE_FAILED;

  /** The states this one may move to: only a claim ends, and only once. */
  public Set<X402PaymentState> next() {
    return this == CLAIMED
        ? EnumSet.of(SETTLED, RUN_FAILED, SETTLE_FAILED)
        : EnumSet.noneOf(X402PaymentState.class);
  }
}
