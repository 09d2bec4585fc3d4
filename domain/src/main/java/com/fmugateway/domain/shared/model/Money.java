package com.fmugateway.domain.shared.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in minor units (cents) of an ISO 4217 currency, lower-case as Stripe writes it. */
public record Money(long minorUnits, String currency) {

  private static final Pattern ISO = Pattern.compile("[a-z]{3}");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (minorUnits < 0) {
      throw new IllegalArgumentException("money cannot be negative");
    }
    if (!ISO.matcher(currency).matches()) {
      throw new IllegalArgumentException("not an ISO 4217 code in lower case: " + currency);
    }
  }

  /** The amount in major units as text, e.g. {@code 8.00}; for display and prototype clients. */
  public String decimal() {
    return String.format(java.util.Locale.ROOT, "%d.%02d", minorUnits / 100, minorUnits % 100);
  }

  /** As people read it, e.g. {@code 8.00 USD}. */
  public String display() {
    return decimal() + " " + currency.toUpperCase(java.util.Locale.ROOT);
  }
}
