package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.simulation.model.ConcurrencyLimits;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on runs and uploads: {@code FMUGW_SIMULATION_TIMEOUT} (wall clock per run), {@code
 * FMUGW_SIMULATION_MAX_OUTPUT_SAMPLES}, {@code FMUGW_SIMULATION_MAX_UPLOAD_SIZE}, and runs one
 * account may have in progress at once by tier ({@code FMUGW_SIMULATION_CONCURRENT_RUNS_FREE},
 * {@code …_PRO}, {@code …_ENTERPRISE}; each held to fewer than the gateway's worker slots).
 */
@ConfigurationProperties("fmugw.simulation")
record SimulationProperties(
    @DefaultValue("20s") Duration timeout,
    @DefaultValue("1000000") long maxOutputSamples,
    @DefaultValue("200MB") DataSize maxUploadSize,
    @DefaultValue ConcurrentRuns concurrentRuns) {

  /** Runs in progress at once per account, by tier; a slot lapses after {@code lease}. */
  record ConcurrentRuns(
      @DefaultValue("2") int free,
      @DefaultValue("4") int pro,
      @DefaultValue("8") int enterprise,
      @DefaultValue("10m") Duration lease) {}

  /**
   * The limits in force: each tier's at most {@code workerSlots - 1} (at least 1), so one account
   * never holds every worker of a gateway; the lease at least twice the run timeout plus a minute,
   * so a run waiting for a worker keeps its slot.
   */
  ConcurrencyLimits concurrencyLimits(int workerSlots) {
    int cap = Math.max(1, workerSlots - 1);
    Map<Tier, Integer> perTier = new EnumMap<>(Tier.class);
    perTier.put(Tier.FREE, Math.min(cap, concurrentRuns.free()));
    perTier.put(Tier.PRO, Math.min(cap, concurrentRuns.pro()));
    perTier.put(Tier.ENTERPRISE, Math.min(cap, concurrentRuns.enterprise()));
    Duration floor = timeout.multipliedBy(2).plusMinutes(1);
    Duration lease = concurrentRuns.lease().compareTo(floor) < 0 ? floor : concurrentRuns.lease();
    return new ConcurrencyLimits(perTier, lease);
  }
}
