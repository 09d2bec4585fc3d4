package com.fmugateway.domain.account.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyId;
import com.fmugateway.domain.account.port.in.ListApiKeysQuery;
import com.fmugateway.domain.account.port.in.RevokeApiKeyUseCase;
import com.fmugateway.domain.account.port.out.ApiKeyStore;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists and revokes an account's own keys. */
public final class ApiKeyManagementService implements ListApiKeysQuery, RevokeApiKeyUseCase {

  private final ApiKeyStore keys;
  private final Clock clock;
  private final AuditLog audit;

  public ApiKeyManagementService(ApiKeyStore keys, Clock clock, AuditLog audit) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public Flux<ApiKey> keys(AccountId owner) {
    return keys.listFor(owner);
  }

  @Override
  public Mono<Void> revoke(AccountId owner, ApiKeyId key) {
    Instant now = clock.now();
    return Mono.defer(() -> keys.revoke(owner, key, now))
        .flatMap(
            revoked ->
                revoked
                    ? audit.record(AuditEvent.by(owner, now, "key.revoked", key.toString()))
                    : Mono.error(new NotFoundException("no API key with id " + key)));
  }
}
