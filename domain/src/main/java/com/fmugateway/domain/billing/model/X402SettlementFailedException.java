package com.fmugateway.domain.billing.model;

import java.util.Objects;

/**
 * A run succeeded but its x402 payment could not be settled: the result is withheld (it was not
 * paid for) and nothing was charged. Raised by billing after the run; the inbound adapter answers
 * 402 with the failed {@code receipt} and the requirements for a new payment.
 */
public final class X402SettlementFailedException extends RuntimeException {

  private final transient X402Receipt receipt;
  private final transient X402Terms terms;

  public X402SettlementFailedException(X402Receipt receipt, X402Terms terms) {
    super(
        "the run succeeded but its x402 payment could not be settled ("
            + receipt.errorReason().orElse("unknown reason")
            + "); the result is withheld, nothing was charged, and the payment cannot be used"
            + " again: sign a new one to run again",
        null,
        false,
        false);
    this.receipt = Objects.requireNonNull(receipt, "receipt");
    this.terms = Objects.requireNonNull(terms, "terms");
  }

  public X402Receipt receipt() {
    return receipt;
  }

  public X402Terms terms() {
    return terms;
  }
}
