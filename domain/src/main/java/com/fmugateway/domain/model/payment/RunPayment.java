package com.fmugateway.domain.model.payment;

import java.util.Objects;

/** A run paid with money rather than credits: the checkout that bought it and what it cost. */
public record RunPayment(PaymentSessionId session, Money amount) {

  public RunPayment {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(amount, "amount");
  }
}
