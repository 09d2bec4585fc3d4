package com.fmugateway.domain.analytics.model;

import com.fmugateway.domain.checkout.model.PaymentMethod;

/** How money reached the gateway: a card or crypto checkout, or an x402 payment for one run. */
public enum CashRail {
  CARD,
  CRYPTO,
  X402;

  /** The rail of a checkout paid by {@code method}. */
  public static CashRail of(PaymentMethod method) {
    return method == PaymentMethod.CARD ? CARD : CRYPTO;
  }
}
