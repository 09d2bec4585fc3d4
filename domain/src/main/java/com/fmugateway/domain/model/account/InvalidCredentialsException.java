package com.fmugateway.domain.model.account;

import com.fmugateway.domain.model.common.DomainException;

/** Email and password do not match an account; deliberately says no more than that. */
public class InvalidCredentialsException extends DomainException {

  public InvalidCredentialsException() {
    super("the email or password is wrong");
  }
}
