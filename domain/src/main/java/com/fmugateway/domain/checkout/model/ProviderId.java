package com.fmugateway.domain.checkout.model;

import java.util.Locale;

/** The payment rails the gateway can use. */
public enum ProviderId {
  /** Built-in offline provider for development and demos; never active with live keys. */
  SANDBOX,
  /** Cards, through Stripe Checkout. */
  STRIPE,
  /** Crypto, through Coinbase Commerce. */
  COINBASE;

  /** Lower-case name used in URLs ({@code /webhooks/stripe}) and JSON. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
