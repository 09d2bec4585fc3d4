package com.fmugateway.domain.account.model;

import com.fmugateway.domain.shared.model.DomainException;

/** Email and password do not match an account; deliberately says no more than that. */
public class InvalidCredentialsException extends DomainException {

  public InvalidCredentialsException() {
    super("the email or password is wrong");
  }
}
