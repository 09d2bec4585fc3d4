package com.fmugateway.domain.billing.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a settled run was charged: {@code credits} captured (zero when money paid for it), and the
 * receipt of the x402 payment that paid, if one did.
 */
public record RunCharge(long credits, Optional<X402Receipt> x402) {

  public RunCharge {
    Objects.requireNonNull(x402, "x402");
  }

  public static RunCharge credits(long credits) {
    return new RunCharge(credits, Optional.empty());
  }
}
