package com.fmugateway.domain.account.port.out;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.Credentials;
import reactor.core.publisher.Mono;

/** Role: keeps accounts. */
public interface AccountStore {

  /** Stores a new account together with its first key, both or neither. */
  Mono<Account> createWithKey(Account account, ApiKey firstKey);

  Mono<Account> findById(AccountId id);

  /**
   * Stores a signed-up account with its password hash; fails with {@link
   * com.fmugateway.domain.account.model.EmailAlreadyRegisteredException} when the email is taken.
   */
  Mono<Account> createWithPassword(Account account, String passwordHash);

  /** The account with this email (case-insensitive) and its password hash. */
  Mono<Credentials> findCredentials(String email);

  /** Gives the account with this email the operator role; false when there is none. */
  Mono<Boolean> promoteToOperator(String email);
}
