package com.fmugateway.domain.model.account;

import java.time.Instant;
import java.util.Objects;

/** An account: the tenant boundary for everything a customer owns. */
public record Account(AccountId id, Instant createdAt) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
