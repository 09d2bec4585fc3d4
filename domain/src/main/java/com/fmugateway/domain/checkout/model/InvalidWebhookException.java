package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.DomainException;

/** A webhook whose signature is wrong or stale, or whose body is not an event: refused, 400. */
public class InvalidWebhookException extends DomainException {

  public InvalidWebhookException(String message) {
    super(message);
  }
}
