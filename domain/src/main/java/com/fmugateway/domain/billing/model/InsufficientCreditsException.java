package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.shared.model.DomainException;

/** The balance does not cover a hold; nothing was written. */
public class InsufficientCreditsException extends DomainException {

  private final long required;
  private final long balance;

  public InsufficientCreditsException(long required, long balance) {
    super("this run needs " + required + " credits; the balance is " + balance);
    this.required = required;
    this.balance = balance;
  }

  public long required() {
    return required;
  }

  public long balance() {
    return balance;
  }
}
