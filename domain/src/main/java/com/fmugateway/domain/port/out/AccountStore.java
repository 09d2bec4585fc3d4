package com.fmugateway.domain.port.out;

import com.fmugateway.domain.model.account.Account;
import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.ApiKey;
import reactor.core.publisher.Mono;

/** Role: keeps accounts. */
public interface AccountStore {

  /** Stores a new account together with its first key, both or neither. */
  Mono<Account> createWithKey(Account account, ApiKey firstKey);

  Mono<Account> findById(AccountId id);
}
