package com.fmugateway.domain.model.account;

import java.util.Objects;

/** Who is calling: the account a presented key belongs to, which key it was, and its role. */
public record AuthenticatedAccount(AccountId accountId, ApiKeyId keyId, Role role) {

  public AuthenticatedAccount {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
  }

  public AuthenticatedAccount(AccountId accountId, ApiKeyId keyId) {
    this(accountId, keyId, Role.CUSTOMER);
  }
}
