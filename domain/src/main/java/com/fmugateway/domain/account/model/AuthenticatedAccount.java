package com.fmugateway.domain.account.model;

import java.util.Objects;

/**
 * Who is calling: the account a presented key belongs to, which key it was, its role and its tier
 * (read once, when the key is checked, and carried with the request from there).
 */
public record AuthenticatedAccount(AccountId accountId, ApiKeyId keyId, Role role, Tier tier) {

  public AuthenticatedAccount {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tier, "tier");
  }

  public AuthenticatedAccount(AccountId accountId, ApiKeyId keyId) {
    this(accountId, keyId, Role.CUSTOMER, Tier.FREE);
  }
}
