package com.fmugateway.domain.shared.model;

/**
 * The gateway's own store (its database) cannot be reached right now: nothing was done, and the
 * same request is worth sending again shortly. Stores raise it for connection failures only, never
 * for a refused statement.
 */
public class StoreUnavailableException extends DomainException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
