package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.AuthenticatedAccount;
import reactor.core.publisher.Mono;

/** Query: which account does a presented API key belong to? */
public interface AuthenticateApiKeyQuery {

  /** The caller, or empty when the key is unknown or revoked. */
  Mono<AuthenticatedAccount> authenticate(String presentedKey);
}
