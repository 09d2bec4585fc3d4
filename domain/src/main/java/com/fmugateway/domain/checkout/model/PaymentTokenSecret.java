package com.fmugateway.domain.checkout.model;

import java.util.Objects;

/**
 * The plaintext of a payment token, as shown to its owner or presented back. {@link #toString()}
 * never reveals it, so it cannot leak into a log by accident.
 */
public final class PaymentTokenSecret {

  /** Recognisable prefix, so leaked tokens are easy to spot by secret scanners. */
  public static final String PREFIX = "pt_";

  private final String value;

  private PaymentTokenSecret(String value) {
    this.value = value;
  }

  /** Wraps a token a caller presented; no format check, since a wrong token matches nothing. */
  public static PaymentTokenSecret of(String presented) {
    return new PaymentTokenSecret(Objects.requireNonNull(presented, "presented"));
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PaymentTokenSecret that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return PREFIX + "…";
  }
}
