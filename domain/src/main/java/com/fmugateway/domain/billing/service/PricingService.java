package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PriceList;
import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.model.X402Settings;
import com.fmugateway.domain.billing.port.in.GetPricingQuery;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The configured prices, gathered from the price list, the free tier and the payment terms. */
public final class PricingService implements GetPricingQuery {

  private final PriceList prices;
  private final TierPolicy freeTier;
  private final GetPaymentTermsQuery checkouts;
  private final Optional<X402Settings> x402;

  public PricingService(
      PriceList prices, Map<Tier, TierPolicy> tiers, GetPaymentTermsQuery checkouts) {
    this(prices, tiers, checkouts, Optional.empty());
  }

  /** With x402's settings, when the gateway accepts x402. */
  public PricingService(
      PriceList prices,
      Map<Tier, TierPolicy> tiers,
      GetPaymentTermsQuery checkouts,
      Optional<X402Settings> x402) {
    this.prices = Objects.requireNonNull(prices, "prices");
    this.freeTier =
        Objects.requireNonNull(tiers.get(Tier.FREE), "the free tier must have a policy");
    this.checkouts = Objects.requireNonNull(checkouts, "checkouts");
    this.x402 = Objects.requireNonNull(x402, "x402");
  }

  @Override
  public Mono<Pricing> pricing() {
    return Mono.fromSupplier(
        () ->
            new Pricing(
                prices,
                freeTier,
                checkouts.terms().runPrice(),
                checkouts.terms().packs(),
                checkouts.methods(),
                // x402 is paid in a dollar stablecoin; a price in another currency has no terms.
                x402.filter(settings -> "usd".equals(checkouts.terms().runPrice().currency()))
                    .map(settings -> settings.terms(checkouts.terms().runPrice()))));
  }
}
