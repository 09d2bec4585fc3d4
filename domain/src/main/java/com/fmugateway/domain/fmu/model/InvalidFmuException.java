package com.fmugateway.domain.fmu.model;

import com.fmugateway.domain.shared.model.DomainException;

/** An uploaded archive is not an FMU the gateway can run; the message says why. */
public class InvalidFmuException extends DomainException {

  public InvalidFmuException(String message) {
    super(message);
  }

  public InvalidFmuException(String message, Throwable cause) {
    super(message, cause);
  }
}
