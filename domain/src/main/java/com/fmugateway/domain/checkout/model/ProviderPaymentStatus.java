package com.fmugateway.domain.checkout.model;

/** A provider's view of one checkout. */
public enum ProviderPaymentStatus {
  PENDING,
  PAID,
  EXPIRED,
  FAILED
}
