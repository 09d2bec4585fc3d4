package com.fmugateway.domain.account.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHash;
import com.fmugateway.domain.account.model.ApiKeyId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Role: keeps API keys, found only by their keyed hash. */
public interface ApiKeyStore {

  Mono<ApiKey> add(ApiKey key);

  /**
   * Adds the key unless its account already holds {@code maxActive} unrevoked keys; false then,
   * adding nothing. Concurrent adds for one account never pass the limit together.
   */
  Mono<Boolean> addWithin(ApiKey key, int maxActive);

  /** The key with this hash, revoked or not; empty when no key has it. */
  Mono<ApiKey> findByHash(ApiKeyHash hash);

  /** The account's keys, newest first, revoked ones included. */
  Flux<ApiKey> listFor(AccountId owner);

  /**
   * Revokes the owner's key; false when the owner has no such key (another account's key is "no
   * such key" too). Revoking twice keeps the first time.
   */
  Mono<Boolean> revoke(AccountId owner, ApiKeyId id, Instant when);

  /** Records that the key was used at {@code when}; a later time never goes backwards. */
  Mono<Void> markUsed(ApiKeyId id, Instant when);
}
