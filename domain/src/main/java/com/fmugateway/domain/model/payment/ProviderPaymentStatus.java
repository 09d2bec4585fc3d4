package com.fmugateway.domain.model.payment;

/** A provider's view of one checkout. */
public enum ProviderPaymentStatus {
  PENDING,
  PAID,
  EXPIRED,
  FAILED
}
