package com.fmugateway.domain.model.account;

import java.time.Instant;
import java.util.Objects;

/** An account: the tenant boundary for everything a customer owns, on one tier. */
public record Account(AccountId id, Instant createdAt, Tier tier) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(tier, "tier");
  }

  /** A new account starts on the free tier. */
  public Account(AccountId id, Instant createdAt) {
    this(id, createdAt, Tier.FREE);
  }
}
