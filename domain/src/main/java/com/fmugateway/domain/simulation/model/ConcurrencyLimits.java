package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.account.model.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many runs one account may have in progress at once, by tier, on all gateways together; and
 * how long a run's slot is held at most, so the slots of a gateway that died lapse.
 */
public record ConcurrencyLimits(Map<Tier, Integer> perTier, Duration lease) {

  public ConcurrencyLimits {
    Objects.requireNonNull(lease, "lease");
    perTier = Map.copyOf(new EnumMap<>(perTier));
    for (Tier tier : Tier.values()) {
      Integer max = perTier.get(tier);
      if (max == null || max < 1) {
        throw new IllegalArgumentException("no concurrent-run limit for tier " + tier);
      }
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive");
    }
  }

  /** The same limit for every tier. */
  public static ConcurrencyLimits uniform(int max, Duration lease) {
    Map<Tier, Integer> all = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      all.put(tier, max);
    }
    return new ConcurrencyLimits(all, lease);
  }

  public int max(Tier tier) {
    return perTier.get(tier);
  }
}
