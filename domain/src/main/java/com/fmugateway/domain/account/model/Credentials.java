package com.fmugateway.domain.account.model;

import java.util.Objects;

/** A signed-up account with the hash of its password (never the password). */
public record Credentials(Account account, String passwordHash) {

  public Credentials {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  @Override
  public String toString() {
    return "Credentials[" + account.id() + "]";
  }
}
