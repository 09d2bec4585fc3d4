package com.fmugateway.domain.shared.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A claim on one of an account's run slots for run {@code run}: taken if the account holds fewer
 * than {@code max} slots unexpired at {@code now}, held until {@code leaseUntil} at most. Billing
 * takes it in the write that holds a run's credits, so a run paid from credits starts in one round
 * trip to the store.
 */
public record RunSlotClaim(UUID run, int max, Instant now, Instant leaseUntil) {

  /** A slot frees when one of the account's runs ends; runs are short, so ask again soon. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  public RunSlotClaim {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
  }

  /** What the caller is told when no slot is free: nothing was taken, nothing held. */
  public LimitReachedException refused() {
    return new LimitReachedException(
        "concurrent_runs",
        max,
        Optional.of(RETRY_AFTER),
        "this account already has "
            + max
            + (max == 1 ? " run" : " runs")
            + " in progress, as many as its plan allows at once; start this one when one of"
            + " them has ended");
  }
}
