package com.fmugateway.domain.account.port.in;

import java.util.Locale;

/**
 * Command: log in with email and password from a client address (failed attempts are limited per
 * email and per address). Never validated beyond that: a malformed email is just a wrong one.
 */
public record LogInCommand(String email, String password, String clientAddress) {

  public LogInCommand {
    email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    password = password == null ? "" : password;
    clientAddress = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
  }

  @Override
  public String toString() {
    return "LogInCommand[" + email + " from " + clientAddress + "]";
  }
}
