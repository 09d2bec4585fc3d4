package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.AccountSummary;
import reactor.core.publisher.Mono;

/** Query: the caller's own account with its balance and this period's usage. */
public interface GetAccountQuery {

  /** The summary, or empty when the account does not exist. */
  Mono<AccountSummary> account(AccountId id);
}
