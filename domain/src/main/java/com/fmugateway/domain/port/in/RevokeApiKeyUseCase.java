package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.ApiKeyId;
import reactor.core.publisher.Mono;

/**
 * Use case: revoke one of the caller's keys; it fails on its very next request. Fails with {@link
 * com.fmugateway.domain.model.common.NotFoundException} for a key that is not the caller's.
 */
public interface RevokeApiKeyUseCase {

  Mono<Void> revoke(AccountId owner, ApiKeyId key);
}
