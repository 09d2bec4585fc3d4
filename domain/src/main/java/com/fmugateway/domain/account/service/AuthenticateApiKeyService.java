package com.fmugateway.domain.account.service;

import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.ApiKeySecret;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.account.port.in.AuthenticateApiKeyQuery;
import com.fmugateway.domain.account.port.out.AccountStore;
import com.fmugateway.domain.account.port.out.ApiKeyStore;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Resolves a presented key to its account on every request. The stores may answer from a cache only
 * if a revocation empties it on every gateway before it completes, so a revoked key fails on the
 * very next call on every gateway instance.
 */
public final class AuthenticateApiKeyService implements AuthenticateApiKeyQuery {

  /** Last-used time is coarse on purpose: one write per key per minute, not one per request. */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final ApiKeyStore keys;
  private final AccountStore accounts;
  private final ApiKeyHasher hasher;
  private final Clock clock;

  public AuthenticateApiKeyService(
      ApiKeyStore keys, AccountStore accounts, ApiKeyHasher hasher, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Mono<AuthenticatedAccount> authenticate(String presentedKey) {
    if (presentedKey == null || presentedKey.isBlank()) {
      return Mono.empty();
    }
    return Mono.defer(() -> keys.findByHash(hasher.hash(ApiKeySecret.of(presentedKey))))
        .filter(ApiKey::isActive)
        .flatMap(
            key ->
                accounts
                    .findById(key.accountId())
                    .flatMap(
                        account ->
                            touch(key)
                                .thenReturn(
                                    new AuthenticatedAccount(
                                        key.accountId(),
                                        key.id(),
                                        account.role(),
                                        account.tier()))));
  }

  private Mono<Void> touch(ApiKey key) {
    Instant now = clock.now();
    boolean stale =
        key.lastUsedAt().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true);
    return stale ? keys.markUsed(key.id(), now) : Mono.empty();
  }
}
