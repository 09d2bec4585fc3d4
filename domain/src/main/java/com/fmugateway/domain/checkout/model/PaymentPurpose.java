package com.fmugateway.domain.checkout.model;

import java.util.Locale;

/** What a checkout buys. */
public enum PaymentPurpose {
  /** One simulation, paid by a single-use payment token. */
  RUN,
  /** A pack of credits added to the account's ledger. */
  CREDIT_PACK;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
