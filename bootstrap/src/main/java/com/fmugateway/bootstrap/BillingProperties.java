package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PriceList;
import com.fmugateway.domain.billing.model.TierPolicy;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prices and tiers ({@code FMUGW_BILLING_…}): a run costs {@code baseCredits} plus {@code
 * creditsPerCpuSecond} per started CPU second; each tier grants credits monthly and allows runs per
 * minute per key.
 */
@ConfigurationProperties("fmugw.billing")
record BillingProperties(
    @DefaultValue("10") long baseCredits,
    @DefaultValue("0") long creditsPerCpuSecond,
    @DefaultValue("10") int anonymousPerMinute,
    @DefaultValue("1m") java.time.Duration rateWindow,
    @DefaultValue Tiers tiers) {

  /** Per-tier settings; defaults from the business plan. */
  record Tiers(
      @DefaultValue({"100", "10"}) TierSettings free,
      @DefaultValue({"150000", "600"}) TierSettings pro,
      @DefaultValue({"0", "6000"}) TierSettings enterprise) {}

  /** One tier's monthly grant and rate limit. */
  record TierSettings(long monthlyCredits, int runsPerMinute) {}

  PriceList priceList() {
    return new PriceList(baseCredits, creditsPerCpuSecond);
  }

  Map<Tier, TierPolicy> policies() {
    Map<Tier, TierPolicy> policies = new EnumMap<>(Tier.class);
    policies.put(Tier.FREE, policy(Tier.FREE, tiers.free()));
    policies.put(Tier.PRO, policy(Tier.PRO, tiers.pro()));
    policies.put(Tier.ENTERPRISE, policy(Tier.ENTERPRISE, tiers.enterprise()));
    return policies;
  }

  private static TierPolicy policy(Tier tier, TierSettings settings) {
    return new TierPolicy(tier, settings.monthlyCredits(), settings.runsPerMinute());
  }
}
