package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.account.model.Tier;
import java.util.EnumMap;
import java.util.Map;

/** What each tier may do: cases in one experiment, and experiments queued or running at once. */
public record ExperimentLimits(Map<Tier, Integer> casesPerExperiment, Map<Tier, Integer> running) {

  public ExperimentLimits {
    casesPerExperiment = Map.copyOf(new EnumMap<>(casesPerExperiment));
    running = Map.copyOf(new EnumMap<>(running));
    for (Tier tier : Tier.values()) {
      if (casesPerExperiment.getOrDefault(tier, 0) < 1 || running.getOrDefault(tier, 0) < 1) {
        throw new IllegalArgumentException("no experiment limits for tier " + tier);
      }
    }
  }

  public static ExperimentLimits uniform(int cases, int running) {
    Map<Tier, Integer> c = new EnumMap<>(Tier.class);
    Map<Tier, Integer> r = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      c.put(tier, cases);
      r.put(tier, running);
    }
    return new ExperimentLimits(c, r);
  }

  public int casesPerExperiment(Tier tier) {
    return casesPerExperiment.get(tier);
  }

  public int running(Tier tier) {
    return running.get(tier);
  }
}
