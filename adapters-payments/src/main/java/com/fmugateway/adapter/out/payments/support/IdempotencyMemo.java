package com.fmugateway.adapter.out.payments.support;

import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What this process made for each recent idempotency key, so that a replayed create gets the same
 * answer. Bounded in size and age, as providers keep keys for a day; lost on restart.
 */
public final class IdempotencyMemo<V> {

  private record Entry<V>(V value, Instant createdAt) {}

  private final int capacity;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<String, Entry<V>> entries = new LinkedHashMap<>();

  public IdempotencyMemo(int capacity, Duration lifetime, Clock clock) {
    this.capacity = capacity;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** The value remembered for {@code key}, or the one {@code create} makes now. */
  public synchronized V computeIfAbsent(String key, Function<String, V> create) {
    Instant now = clock.now();
    evict(now);
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      entry = new Entry<>(create.apply(key), now);
      entries.put(key, entry);
    }
    return entry.value();
  }

  /** Forgets {@code key} if it still maps to {@code value}: that attempt failed. */
  public synchronized void remove(String key, V value) {
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.value() == value) {
      entries.remove(key);
    }
  }

  private void evict(Instant now) {
    Instant oldest = now.minus(lifetime);
    Iterator<Entry<V>> iterator = entries.values().iterator();
    // Insertion order is age order, so eviction stops at the first entry young enough to stay.
    while (iterator.hasNext()) {
      Entry<V> entry = iterator.next();
      if (entries.size() < capacity && entry.createdAt().isAfter(oldest)) {
        return;
      }
      iterator.remove();
    }
  }
}
