package com.fmugateway.domain.model.payment;

import com.fmugateway.domain.model.common.DomainException;

/** A webhook whose signature is wrong or stale, or whose body is not an event: refused, 400. */
public class InvalidWebhookException extends DomainException {

  public InvalidWebhookException(String message) {
    super(message);
  }
}
