package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.experiment.model.CaseShares;
import com.fmugateway.domain.experiment.model.ExperimentLimits;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Experiments and this node's part in them: {@code FMUGW_ROLE} ({@code all}: API, portal and worker
 * in one process; {@code api}: takes no cases; {@code worker}: takes cases and serves only {@code
 * /health}), {@code FMUGW_NODE_NAME} (default host name and pid, recorded on each case), the
 * worker's threads ({@code FMUGW_EXPERIMENTS_WORKER_THREADS}, default the FMI worker slots less one
 * left for synchronous runs in role {@code all}, and never more there), how often it polls and
 * heartbeats, per tier the cases one experiment may have, the experiments one account may have
 * queued or running, and the cases one account may have running at once across every node ({@code
 * FMUGW_EXPERIMENTS_CASES_RUNNING_FREE|PRO|ENTERPRISE}; a case over it waits {@code share-wait}),
 * and how callbacks are retried ({@code FMUGW_EXPERIMENTS_CALLBACKS_ATTEMPTS}, {@code
 * …_FIRST_RETRY}, doubling).
 */
@ConfigurationProperties("fmugw")
record ExperimentProperties(
    @DefaultValue("all") String role, String nodeName, @DefaultValue Experiments experiments) {

  /** Tuning and limits under {@code fmugw.experiments}. */
  record Experiments(
      @DefaultValue("0") int workerThreads,
      @DefaultValue("1s") Duration pollingInterval,
      @DefaultValue("5s") Duration heartbeat,
      @DefaultValue("6") int missedHeartbeats,
      @DefaultValue PerTier casesPerExperiment,
      @DefaultValue PerTierRunning running,
      @DefaultValue PerTierCasesRunning casesRunning,
      @DefaultValue("2s") Duration shareWait,
      @DefaultValue Callbacks callbacks) {

    Experiments {
      // db-scheduler refuses fewer than 4; say which setting rather than fail inside its builder.
      if (missedHeartbeats < 4) {
        throw new IllegalArgumentException(
            "fmugw.experiments.missed-heartbeats (FMUGW_EXPERIMENTS_MISSED_HEARTBEATS) must be at"
                + " least 4, was "
                + missedHeartbeats);
      }
    }
  }

  /** Cases one account may have running at once, across every node. */
  record PerTierCasesRunning(
      @DefaultValue("2") int free,
      @DefaultValue("8") int pro,
      @DefaultValue("32") int enterprise) {}

  /** Attempts to deliver one callback, and the pause before the second (doubling after). */
  record Callbacks(@DefaultValue("6") int attempts, @DefaultValue("30s") Duration firstRetry) {}

  /** Cases one experiment may have. */
  record PerTier(
      @DefaultValue("1000") int free,
      @DefaultValue("10000") int pro,
      @DefaultValue("100000") int enterprise) {}

  /** Experiments one account may have queued or running at once. */
  record PerTierRunning(
      @DefaultValue("2") int free,
      @DefaultValue("10") int pro,
      @DefaultValue("50") int enterprise) {}

  boolean takesCases() {
    return !"api".equals(role);
  }

  boolean servesApi() {
    return !"worker".equals(role);
  }

  String node() {
    return nodeName == null || nodeName.isBlank()
        ? ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^(\\d+)@(.*)$", "$2-$1")
        : nodeName;
  }

  /**
   * Case threads on this node: a worker may use every FMI worker slot; a node that also serves
   * {@code /simulate} keeps at least one slot free for synchronous runs, whatever is configured.
   */
  int threads(int workerSlots) {
    int most = Math.max(1, "worker".equals(role) ? workerSlots : workerSlots - 1);
    return experiments.workerThreads() > 0 ? Math.min(most, experiments.workerThreads()) : most;
  }

  CaseShares shares() {
    Map<Tier, Integer> running = new EnumMap<>(Tier.class);
    running.put(Tier.FREE, experiments.casesRunning().free());
    running.put(Tier.PRO, experiments.casesRunning().pro());
    running.put(Tier.ENTERPRISE, experiments.casesRunning().enterprise());
    return new CaseShares(running, experiments.shareWait());
  }

  ExperimentLimits limits() {
    Map<Tier, Integer> cases = new EnumMap<>(Tier.class);
    cases.put(Tier.FREE, experiments.casesPerExperiment().free());
    cases.put(Tier.PRO, experiments.casesPerExperiment().pro());
    cases.put(Tier.ENTERPRISE, experiments.casesPerExperiment().enterprise());
    Map<Tier, Integer> running = new EnumMap<>(Tier.class);
    running.put(Tier.FREE, experiments.running().free());
    running.put(Tier.PRO, experiments.running().pro());
    running.put(Tier.ENTERPRISE, experiments.running().enterprise());
    return new ExperimentLimits(cases, running);
  }
}
