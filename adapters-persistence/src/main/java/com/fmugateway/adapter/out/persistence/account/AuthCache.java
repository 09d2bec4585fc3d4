package com.fmugateway.adapter.out.persistence.account;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHash;
import com.fmugateway.domain.account.model.ApiKeyId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Keys and accounts as last read, so authenticating a request costs no round trip. Used only while
 * {@link AuthChangeListener} listens: every change of a key's or an account's standing (revocation,
 * a new role) is announced to all gateways, each of which empties its cache before it acknowledges
 * ({@link AuthChanges}). A load that began before an emptying is not kept (the generation moved).
 */
public final class AuthCache {

  /** Past this many entries the cache starts again empty: a bound, not an eviction policy. */
  static final int MAX_ENTRIES = 100_000;

  private final Map<ApiKeyHash, ApiKey> keys = new ConcurrentHashMap<>();
  private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean enabled;

  Mono<ApiKey> key(ApiKeyHash hash, Supplier<Mono<ApiKey>> load) {
    return cached(keys, hash, load);
  }

  Mono<Account> account(AccountId id, Supplier<Mono<Account>> load) {
    return cached(accounts, id, load);
  }

  /** A cached key's last use moves forward with the store's, so it is not marked again at once. */
  void used(ApiKeyId id, Instant when) {
    keys.replaceAll(
        (hash, key) ->
            key.id().equals(id) && key.lastUsedAt().map(last -> last.isBefore(when)).orElse(true)
                ? new ApiKey(
                    key.id(),
                    key.accountId(),
                    key.displayPrefix(),
                    key.hash(),
                    key.createdAt(),
                    Optional.of(when),
                    key.revokedAt())
                : key);
  }

  /** Forgets everything; loads still in flight are not kept. */
  void clear() {
    generation.incrementAndGet();
    keys.clear();
    accounts.clear();
  }

  /** On while changes are heard; turning it on or off starts empty. */
  void enabled(boolean on) {
    clear();
    enabled = on;
    clear();
  }

  boolean enabled() {
    return enabled;
  }

  private <K, V> Mono<V> cached(Map<K, V> cache, K id, Supplier<Mono<V>> load) {
    return Mono.defer(
        () -> {
          if (!enabled) {
            return load.get();
          }
          V hit = cache.get(id);
          if (hit != null) {
            // Answered in place, on the thread that asked: no hand-off (ADR 0015, third addendum).
            return Mono.just(hit);
          }
          long started = generation.get();
          return load.get()
              .doOnNext(
                  value -> {
                    if (keys.size() + accounts.size() >= MAX_ENTRIES) {
                      clear();
                    } else if (enabled && generation.get() == started) {
                      cache.put(id, value);
                      if (generation.get() != started) {
                        cache.remove(id);
                      }
                    }
                  });
        });
  }
}
