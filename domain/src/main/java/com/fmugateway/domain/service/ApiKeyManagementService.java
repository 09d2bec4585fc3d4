package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.ApiKey;
import com.fmugateway.domain.model.account.ApiKeyId;
import com.fmugateway.domain.model.common.NotFoundException;
import com.fmugateway.domain.port.in.ListApiKeysQuery;
import com.fmugateway.domain.port.in.RevokeApiKeyUseCase;
import com.fmugateway.domain.port.out.ApiKeyStore;
import com.fmugateway.domain.port.out.Clock;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists and revokes an account's own keys. */
public final class ApiKeyManagementService implements ListApiKeysQuery, RevokeApiKeyUseCase {

  private final ApiKeyStore keys;
  private final Clock clock;

  public ApiKeyManagementService(ApiKeyStore keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Flux<ApiKey> keys(AccountId owner) {
    return keys.listFor(owner);
  }

  @Override
  public Mono<Void> revoke(AccountId owner, ApiKeyId key) {
    return Mono.defer(() -> keys.revoke(owner, key, clock.now()))
        .flatMap(
            revoked ->
                revoked
                    ? Mono.<Void>empty()
                    : Mono.error(new NotFoundException("no API key with id " + key)));
  }
}
