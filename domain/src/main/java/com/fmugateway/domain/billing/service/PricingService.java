package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PriceList;
import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.port.in.GetPricingQuery;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The configured prices, gathered from the price list, the free tier and the payment terms. */
public final class PricingService implements GetPricingQuery {

  private final PriceList prices;
  private final TierPolicy freeTier;
  private final GetPaymentTermsQuery checkouts;

  public PricingService(
      PriceList prices, Map<Tier, TierPolicy> tiers, GetPaymentTermsQuery checkouts) {
    this.prices = Objects.requireNonNull(prices, "prices");
    this.freeTier =
        Objects.requireNonNull(tiers.get(Tier.FREE), "the free tier must have a policy");
    this.checkouts = Objects.requireNonNull(checkouts, "checkouts");
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
                checkouts.methods()));
  }
}
