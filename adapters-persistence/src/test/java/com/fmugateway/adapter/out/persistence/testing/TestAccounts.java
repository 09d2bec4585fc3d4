package com.fmugateway.adapter.out.persistence.testing;

import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.domain.model.account.Account;
import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.ApiKey;
import com.fmugateway.domain.model.account.ApiKeyHasher;
import com.fmugateway.domain.model.account.ApiKeySecret;
import java.time.Instant;

/** Accounts that the foreign keys of other tables can point at. */
public final class TestAccounts {

  private static final ApiKeyHasher HASHER = new ApiKeyHasher(new byte[32]);

  private TestAccounts() {}

  public static AccountId create(R2dbcAccounts accounts) {
    Account account = new Account(AccountId.random(), Instant.now());
    accounts
        .createWithKey(
            account, ApiKey.issue(account.id(), ApiKeySecret.generate(), HASHER, Instant.now()))
        .block();
    return account.id();
  }
}
