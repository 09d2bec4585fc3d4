package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.shared.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One 402 that {@code /simulate} answered: who was asked to pay for which model, the run's quote
 * and the balance it exceeded, the price in money, and the checkout offered with it, if any. A
 * quote-only request is answered with a 402 too, never with a checkout.
 */
public record PaymentRequirement(
    AccountId account,
    String fmuId,
    Instant at,
    long quoteCredits,
    long balanceCredits,
    Optional<Money> price,
    Optional<PaymentSessionId> checkout,
    boolean quoteOnly) {

  public PaymentRequirement {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(checkout, "checkout");
    if (quoteOnly && checkout.isPresent()) {
      throw new IllegalArgumentException("a quote-only 402 opens no checkout");
    }
  }
}
