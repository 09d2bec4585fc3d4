package com.fmugateway.domain.billing.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a caller must pay before a run may start: its quote in credits against the balance, and,
 * when money can pay for it, the offer (with the checkout opened for this very request, unless the
 * caller asked only for the price), and the x402 requirements when x402 is accepted (with why a
 * presented x402 payment was refused, if one was). Nothing ran and nothing was charged.
 */
public record PaymentDemand(
    long quote,
    long balance,
    Optional<PaymentOffer> offer,
    boolean quoteOnly,
    Optional<X402Offer> x402) {

  public PaymentDemand {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(x402, "x402");
  }

  /** Without x402 (not configured). */
  public PaymentDemand(long quote, long balance, Optional<PaymentOffer> offer, boolean quoteOnly) {
    this(quote, balance, offer, quoteOnly, Optional.empty());
  }

  /** This demand, payable with x402 on {@code offer}'s terms too. */
  public PaymentDemand with(X402Offer offer) {
    return new PaymentDemand(quote, balance, this.offer, quoteOnly, Optional.of(offer));
  }

  /** Credits were short and no offer could be made (no payment provider configured). */
  public static PaymentDemand creditsShort(long quote, long balance) {
    return new PaymentDemand(quote, balance, Optional.empty(), false);
  }

  /** What the caller reads: why nothing ran, and what to do. */
  public String message() {
    Optional<String> refused = x402.flatMap(X402Offer::refusal);
    if (refused.isPresent()) {
      return "the x402 payment was refused: "
          + refused.get()
          + "; nothing ran and nothing was charged";
    }
    if (!quoteOnly) {
      return "this run is quoted at "
          + quote
          + " credits and the balance is "
          + balance
          + "; buy credits or pay for this run";
    }
    String money = offer.map(o -> " or " + o.amount().display()).orElse("");
    return "this run is quoted at "
        + quote
        + " credits"
        + money
        + " (the balance is "
        + balance
        + " credits); nothing ran and nothing was charged";
  }
}
