package com.fmugateway.domain.account.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account: the tenant boundary for everything a customer owns, on one tier. Anonymous accounts
 * (from {@code POST /keys}) have no email; signed-up ones log in with email and password.
 */
public record Account(
    AccountId id, Instant createdAt, Tier tier, Role role, Optional<String> email) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(email, "email");
  }

  /** A new anonymous customer on the free tier. */
  public Account(AccountId id, Instant createdAt) {
    this(id, createdAt, Tier.FREE, Role.CUSTOMER, Optional.empty());
  }

  public Account(AccountId id, Instant createdAt, Tier tier) {
    this(id, createdAt, tier, Role.CUSTOMER, Optional.empty());
  }
}
