package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import reactor.core.publisher.Mono;

/** Query: an account by its id, for the areas that show or charge it; empty when there is none. */
public interface FindAccountQuery {

  Mono<Account> account(AccountId id);
}
