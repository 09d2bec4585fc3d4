package com.fmugateway.domain.account.service;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.port.in.FindAccountQuery;
import com.fmugateway.domain.account.port.out.AccountStore;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Reads accounts for the other areas, which never reach the account store themselves. */
public final class AccountQueryService implements FindAccountQuery {

  private final AccountStore accounts;

  public AccountQueryService(AccountStore accounts) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  @Override
  public Mono<Account> account(AccountId id) {
    return accounts.findById(id);
  }
}
