package com.fmugateway.domain.checkout.model;

import java.util.Locale;

/**
 * Where a checkout stands. Only a pending checkout changes, and only once: to paid, expired or
 * failed. Paid is final, so a late or replayed "expired" never takes back a payment.
 */
public enum PaymentStatus {
  PENDING,
  PAID,
  EXPIRED,
  FAILED;

  public boolean canBecome(PaymentStatus next) {
    return this == PENDING && next != PENDING;
  }

  /** The status a provider's view of the checkout implies. */
  public static PaymentStatus of(ProviderPaymentStatus provider) {
    return switch (provider) {
      case PENDING -> PENDING;
      case PAID -> PAID;
      case EXPIRED -> EXPIRED;
      case FAILED -> FAILED;
    };
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
