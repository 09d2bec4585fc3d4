package com.fmugateway.domain.account.model;

import java.util.Objects;
import java.util.UUID;

/** Identity of an account: the tenant that owns keys, models, runs and money. */
public record AccountId(UUID value) {

  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId random() {
    return new AccountId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
