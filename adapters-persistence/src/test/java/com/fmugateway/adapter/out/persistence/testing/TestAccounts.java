package com.fmugateway.adapter.out.persistence.testing;

import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.ApiKeySecret;
import java.time.Instant;

/** Accounts that the foreign keys of other tables can point at. */
public final class TestAccounts {

  private static final ApiKeyHasher HASHER = new ApiKeyHasher(new byte[32]);

  private TestAccounts() {}

  public static AccountId create(R2dbcAccounts accounts) {
    return create(accounts, Instant.now());
  }

  /** An account opened at {@code createdAt}. */
  public static AccountId create(R2dbcAccounts accounts, Instant createdAt) {
    Account account = new Account(AccountId.random(), createdAt);
    accounts
        .createWithKey(
            account, ApiKey.issue(account.id(), ApiKeySecret.generate(), HASHER, createdAt))
        .block();
    return account.id();
  }
}
