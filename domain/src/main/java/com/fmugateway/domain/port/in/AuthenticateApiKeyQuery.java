package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AuthenticatedAccount;
import reactor.core.publisher.Mono;

/** Query: which account does a presented API key belong to? */
public interface AuthenticateApiKeyQuery {

  /** The caller, or empty when the key is unknown or revoked. */
  Mono<AuthenticatedAccount> authenticate(String presentedKey);
}
