package com.fmugateway.domain.checkout.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Concurrent callers asking for the same key share one piece of work while it runs, so identical
 * requests arriving together on one gateway call a payment provider once. Nothing is kept after the
 * work ends: the next caller starts afresh.
 */
final class SingleFlight<K, V> {

  /** What a caller got: the shared value, and whether this caller's call started the work. */
  record Shared<V>(V value, boolean started) {}

  private final Map<K, Mono<V>> running = new ConcurrentHashMap<>();

  Mono<Shared<V>> run(K key, Supplier<Mono<V>> work) {
    return Mono.defer(
        () -> {
          AtomicReference<Mono<V>> self = new AtomicReference<>();
          Mono<V> mine =
              Mono.defer(work).doFinally(signal -> running.remove(key, self.get())).cache();
          self.set(mine);
          Mono<V> theirs = running.putIfAbsent(key, mine);
          return theirs == null
              ? mine.map(value -> new Shared<>(value, true))
              : theirs.map(value -> new Shared<>(value, false));
        });
  }
}
