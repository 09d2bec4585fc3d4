package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.AccountSummary;
import reactor.core.publisher.Mono;

/** Query: the caller's own account with its balance and this period's usage. */
public interface GetAccountQuery {

  /** The summary, or empty when the account does not exist. */
  Mono<AccountSummary> account(AccountId id);
}
