package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.account.model.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the workers share out: the cases one account may have running at once, by tier, across every
 * node, so one account's large sweep leaves workers to the others; a case over the cap waits {@code
 * retryAfter} and is handed over again.
 */
public record CaseShares(Map<Tier, Integer> running, Duration retryAfter) {

  public CaseShares {
    running = Map.copyOf(new EnumMap<>(running));
    for (Tier tier : Tier.values()) {
      if (running.getOrDefault(tier, 0) < 1) {
        throw new IllegalArgumentException("no cases_running limit for tier " + tier);
      }
    }
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** Every tier the same cap. */
  public static CaseShares uniform(int running, Duration retryAfter) {
    Map<Tier, Integer> caps = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      caps.put(tier, running);
    }
    return new CaseShares(caps, retryAfter);
  }

  public int running(Tier tier) {
    return running.get(tier);
  }
}
