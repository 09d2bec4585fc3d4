package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKeyId;
import reactor.core.publisher.Mono;

/**
 * Use case: revoke one of the caller's keys; it fails on its very next request. Fails with {@link
 * com.fmugateway.domain.shared.model.NotFoundException} for a key that is not the caller's.
 */
public interface RevokeApiKeyUseCase {

  Mono<Void> revoke(AccountId owner, ApiKeyId key);
}
