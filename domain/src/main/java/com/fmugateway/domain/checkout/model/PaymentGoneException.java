package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.DomainException;

/** A checkout that can no longer be paid, or a token already used or expired: 410. */
public class PaymentGoneException extends DomainException {

  public PaymentGoneException(String message) {
    super(message);
  }
}
