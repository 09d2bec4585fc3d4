package com.fmugateway.domain.model.credit;

import com.fmugateway.domain.model.common.DomainException;

/** The caller's credits do not cover the quote of a run; nothing ran and nothing was charged. */
public class PaymentRequiredException extends DomainException {

  private final long quote;
  private final long balance;

  public PaymentRequiredException(long quote, long balance) {
    super(
        "this run is quoted at "
            + quote
            + " credits and the balance is "
            + balance
            + "; buy credits or pay for this run");
    this.quote = quote;
    this.balance = balance;
  }

  public long quote() {
    return quote;
  }

  public long balance() {
    return balance;
  }
}
