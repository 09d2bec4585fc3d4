package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.DomainException;

/** The provider cannot be reached or refuses for now (circuit open, timeouts): 503, retry. */
public class ProviderUnavailableException extends DomainException {

  public ProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
