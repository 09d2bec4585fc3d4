package com.fmugateway.domain.port.out;

import com.fmugateway.domain.model.account.ApiKey;
import com.fmugateway.domain.model.account.ApiKeyHash;
import com.fmugateway.domain.model.account.ApiKeyId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Role: keeps API keys, found only by their keyed hash. */
public interface ApiKeyStore {

  Mono<ApiKey> add(ApiKey key);

  /** The key with this hash, revoked or not; empty when no key has it. */
  Mono<ApiKey> findByHash(ApiKeyHash hash);

  /** Records that the key was used at {@code when}; a later time never goes backwards. */
  Mono<Void> markUsed(ApiKeyId id, Instant when);
}
