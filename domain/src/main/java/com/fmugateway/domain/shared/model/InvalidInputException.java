package com.fmugateway.domain.shared.model;

import java.util.Objects;

/** A command field failed validation; {@code field} names it in the caller's vocabulary. */
public class InvalidInputException extends DomainException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  public String field() {
    return field;
  }
}
