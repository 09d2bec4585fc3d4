package com.fmugateway.domain.model.account;

import java.util.Objects;

/** Who is calling: the account a presented key belongs to, and which key it was. */
public record AuthenticatedAccount(AccountId accountId, ApiKeyId keyId) {

  public AuthenticatedAccount {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(keyId, "keyId");
  }
}
