package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.Money;
import java.util.Objects;

/** A run paid with money rather than credits: the checkout that bought it and what it cost. */
public record RunPayment(PaymentSessionId session, Money amount) {

  public RunPayment {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(amount, "amount");
  }
}
