package com.fmugateway.domain.account.model;

import com.fmugateway.domain.shared.model.InvalidInputException;

/**
 * Sign-up with an email that already has an account. A distinct type so that a page may answer
 * without saying so; the API still names the field.
 */
public class EmailAlreadyRegisteredException extends InvalidInputException {

  public EmailAlreadyRegisteredException() {
    super("email", "is already registered");
  }
}
