package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import reactor.core.publisher.Flux;

/** Query: the caller's keys (prefix, created, last used, revoked), never their plaintext. */
public interface ListApiKeysQuery {

  Flux<ApiKey> keys(AccountId owner);
}
