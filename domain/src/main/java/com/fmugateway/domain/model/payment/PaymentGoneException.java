package com.fmugateway.domain.model.payment;

import com.fmugateway.domain.model.common.DomainException;

/** A checkout that can no longer be paid, or a token already used or expired: 410. */
public class PaymentGoneException extends DomainException {

  public PaymentGoneException(String message) {
    super(message);
  }
}
