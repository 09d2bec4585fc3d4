package com.fmugateway.domain.shared.model;

/** Root of the exceptions the core raises for conditions a caller can act on. */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
