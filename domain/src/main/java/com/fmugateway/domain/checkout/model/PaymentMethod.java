package com.fmugateway.domain.checkout.model;

import java.util.Locale;
import java.util.Optional;

/** How a customer wants to pay; it picks the provider. */
public enum PaymentMethod {
  CARD,
  CRYPTO;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PaymentMethod> fromCode(String code) {
    for (PaymentMethod method : values()) {
      if (method.code().equalsIgnoreCase(code)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
