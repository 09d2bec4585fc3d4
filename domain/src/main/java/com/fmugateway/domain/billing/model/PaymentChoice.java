package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * How a caller pays for a run: with a payment token bought for one run, with a signed x402 payment,
 * or from credits, with a checkout opened on {@code checkout}'s terms when they are short; or not
 * at all, to get only the quote.
 */
public record PaymentChoice(
    Optional<String> token,
    boolean quoteOnly,
    CheckoutOptions checkout,
    Optional<X402Payment> x402) {

  /** From credits, by card when they are short. */
  public static final PaymentChoice CREDITS =
      new PaymentChoice(Optional.empty(), false, CheckoutOptions.DEFAULT);

  public PaymentChoice {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(checkout, "checkout");
    Objects.requireNonNull(x402, "x402");
    if (token.isPresent() && token.get().isBlank()) {
      throw new InvalidInputException("paymentToken", "must not be blank");
    }
    if (token.isPresent() && x402.isPresent()) {
      throw new InvalidInputException(
          "paymentToken", "pay one way: a payment token or an x402 payment, not both");
    }
  }

  /** Paid from the account's credits: neither a quote alone, nor a payment token, nor x402. */
  public boolean fromCredits() {
    return !quoteOnly && token.isEmpty() && x402.isEmpty();
  }

  /** Without an x402 payment. */
  public PaymentChoice(Optional<String> token, boolean quoteOnly, CheckoutOptions checkout) {
    this(token, quoteOnly, checkout, Optional.empty());
  }
}
