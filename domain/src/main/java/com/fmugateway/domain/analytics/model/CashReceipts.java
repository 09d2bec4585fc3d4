package com.fmugateway.domain.analytics.model;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.shared.model.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money received on one UTC day through one rail for one purpose, in one currency: the checkouts
 * paid (or x402 payments settled) that day, by the day they were paid, not opened, and their sum.
 */
public record CashReceipts(
    LocalDate day, CashRail rail, PaymentPurpose purpose, Money amount, long payments) {

  public CashReceipts {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(amount, "amount");
  }

  /** Checkouts paid by {@code method}. */
  public CashReceipts(
      LocalDate day, PaymentMethod method, PaymentPurpose purpose, Money amount, long payments) {
    this(day, CashRail.of(method), purpose, amount, payments);
  }
}
