package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.account.model.Tier;
import java.util.Objects;

/** What a tier includes: credits granted each calendar month (UTC) and runs per minute per key. */
public record TierPolicy(Tier tier, long monthlyCredits, int runsPerMinute) {

  public TierPolicy {
    Objects.requireNonNull(tier, "tier");
    if (monthlyCredits < 0 || runsPerMinute < 1) {
      throw new IllegalArgumentException("invalid policy for " + tier);
    }
  }
}
