package com.fmugateway.adapter.out.payments.support;

import com.fmugateway.domain.shared.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Money as providers that want decimal strings write it ({@code "8.00"}, {@code "500"} yen). */
public final class Amounts {

  private Amounts() {}

  /** The amount in major units with the currency's own number of decimals. */
  public static String decimal(Money money) {
    return BigDecimal.valueOf(money.minorUnits(), currency(money).getDefaultFractionDigits())
        .toPlainString();
  }

  /** The ISO 4217 code in upper case, as Coinbase and people write it. */
  public static String code(Money money) {
    return currency(money).getCurrencyCode();
  }

  private static Currency currency(Money money) {
    Currency currency;
    try {
      currency = Currency.getInstance(money.currency().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency: " + money.currency(), e);
    }
    // Pseudo-currencies such as XAU (gold) have no minor unit.
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("not a currency of money: " + money.currency());
    }
    return currency;
  }
}
