package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.Account;
import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.port.in.GetAccountQuery;
import com.fmugateway.domain.port.out.AccountStore;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Reads an account for its owner. */
public final class GetAccountService implements GetAccountQuery {

  private final AccountStore accounts;

  public GetAccountService(AccountStore accounts) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  @Override
  public Mono<Account> account(AccountId id) {
    return accounts.findById(id);
  }
}
