package com.fmugateway.domain.shared.model;

/**
 * Something the caller named does not exist for them. Another account's resource is reported the
 * same way, so ids never confirm that someone else's data exists.
 */
public class NotFoundException extends DomainException {

  public NotFoundException(String message) {
    super(message);
  }
}
