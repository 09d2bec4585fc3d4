package com.fmugateway.domain.billing.model;

import java.util.Objects;
import java.util.Optional;

/**
 * x402 in a 402: the requirements a payment for this run must meet and, when the caller presented a
 * payment that was refused, why ({@code refusal}).
 */
public record X402Offer(X402Terms terms, Optional<String> refusal) {

  public X402Offer {
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(refusal, "refusal");
  }
}
