package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.shared.model.Money;
import java.util.List;
import java.util.Objects;

/**
 * What FMU Gateway charges, as configured: credits per run (and per CPU second), the free tier, the
 * price of one run paid with money, the credit packs on sale and the methods that pay.
 */
public record Pricing(
    PriceList credits,
    TierPolicy freeTier,
    Money runPrice,
    List<CreditPack> packs,
    List<PaymentMethod> methods) {

  public Pricing {
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(freeTier, "freeTier");
    Objects.requireNonNull(runPrice, "runPrice");
    packs = List.copyOf(packs);
    methods = List.copyOf(methods);
  }

  /** How many runs the free tier's monthly credits pay for, at the base price. */
  public long freeRunsPerMonth() {
    return credits.baseCredits() == 0
        ? Long.MAX_VALUE
        : freeTier.monthlyCredits() / credits.baseCredits();
  }
}
