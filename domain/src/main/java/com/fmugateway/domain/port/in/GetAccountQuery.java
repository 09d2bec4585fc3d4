package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.Account;
import com.fmugateway.domain.model.account.AccountId;
import reactor.core.publisher.Mono;

/** Query: the caller's own account. */
public interface GetAccountQuery {

  /** The account, or empty when it does not exist. */
  Mono<Account> account(AccountId id);
}
