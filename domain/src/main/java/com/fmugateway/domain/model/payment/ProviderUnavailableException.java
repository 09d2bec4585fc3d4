package com.fmugateway.domain.model.payment;

import com.fmugateway.domain.model.common.DomainException;

/** The provider cannot be reached or refuses for now (circuit open, timeouts): 503, retry. */
public class ProviderUnavailableException extends DomainException {

  public ProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
