package com.fmugateway.domain.checkout.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The gateway's own id of a checkout ({@code cs_} and 32 hex digits), shown to the customer and
 * echoed by providers as the reference of their webhooks.
 */
public record PaymentSessionId(String value) {

  private static final String PREFIX = "cs_";

  public PaymentSessionId {
    Objects.requireNonNull(value, "value");
  }

  public static PaymentSessionId generate() {
    return new PaymentSessionId(PREFIX + UUID.randomUUID().toString().replace("-", ""));
  }

  @Override
  public String toString() {
    return value;
  }
}
