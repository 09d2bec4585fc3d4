package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.ApiKey;
import reactor.core.publisher.Flux;

/** Query: the caller's keys (prefix, created, last used, revoked), never their plaintext. */
public interface ListApiKeysQuery {

  Flux<ApiKey> keys(AccountId owner);
}
