package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.shared.model.Money;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What FMU Gateway charges, as configured: credits per run (and per CPU second), the free tier, the
 * price of one run paid with money, the credit packs on sale, the methods that pay and, when x402
 * is accepted, what an x402 payment for one run must be.
 */
public record Pricing(
    PriceList credits,
    TierPolicy freeTier,
    Money runPrice,
    List<CreditPack> packs,
    List<PaymentMethod> methods,
    Optional<X402Terms> x402) {

  public Pricing {
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(freeTier, "freeTier");
    Objects.requireNonNull(runPrice, "runPrice");
    packs = List.copyOf(packs);
    methods = List.copyOf(methods);
    Objects.requireNonNull(x402, "x402");
  }

  /** Without x402 (not configured). */
  public Pricing(
      PriceList credits,
      TierPolicy freeTier,
      Money runPrice,
      List<CreditPack> packs,
      List<PaymentMethod> methods) {
    this(credits, freeTier, runPrice, packs, methods, Optional.empty());
  }

  /** How many runs the free tier's monthly credits pay for, at the base price. */
  public long freeRunsPerMonth() {
    return credits.baseCredits() == 0
        ? Long.MAX_VALUE
        : freeTier.monthlyCredits() / credits.baseCredits();
  }
}
