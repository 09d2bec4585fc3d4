package com.fmugateway.adapter.out.fmi.sandbox.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Idle claimed workers by key, most recently used first, so that the others stay idle long enough
 * to be reaped. Not thread-safe: {@link WorkerPool} guards it.
 */
final class IdleWorkers<W extends PooledWorker> {

  private final Map<PoolKey, Deque<W>> byKey = new HashMap<>();

  void add(W worker) {
    byKey.computeIfAbsent(worker.key().orElseThrow(), k -> new ArrayDeque<>()).addFirst(worker);
  }

  /** The most recently used idle worker of {@code key}. */
  Optional<W> take(PoolKey key) {
    Deque<W> workers = byKey.get(key);
    if (workers == null) {
      return Optional.empty();
    }
    W worker = workers.pollFirst();
    if (workers.isEmpty()) {
      byKey.remove(key);
    }
    return Optional.ofNullable(worker);
  }

  boolean has(PoolKey key) {
    return byKey.containsKey(key);
  }

  /**
   * Removes and returns the worker idle the longest, of whatever key, if it meets {@code onlyIf}.
   */
  Optional<W> takeLongestIdle(Predicate<W> onlyIf) {
    W oldest = null;
    for (Deque<W> workers : byKey.values()) {
      W last = workers.peekLast();
      if (oldest == null || last.idleSince() - oldest.idleSince() < 0) {
        oldest = last;
      }
    }
    if (oldest == null || !onlyIf.test(oldest)) {
      return Optional.empty();
    }
    PoolKey key = oldest.key().orElseThrow();
    Deque<W> workers = byKey.get(key);
    workers.removeLast();
    if (workers.isEmpty()) {
      byKey.remove(key);
    }
    return Optional.of(oldest);
  }

  /** Removes and returns every idle worker matching {@code condition}. */
  List<W> takeAll(Predicate<W> condition) {
    List<W> taken = new ArrayList<>();
    for (Iterator<Deque<W>> keys = byKey.values().iterator(); keys.hasNext(); ) {
      Deque<W> workers = keys.next();
      for (Iterator<W> i = workers.iterator(); i.hasNext(); ) {
        W worker = i.next();
        if (condition.test(worker)) {
          i.remove();
          taken.add(worker);
        }
      }
      if (workers.isEmpty()) {
        keys.remove();
      }
    }
    return taken;
  }

  List<W> all() {
    List<W> all = new ArrayList<>();
    byKey.values().forEach(all::addAll);
    return all;
  }
}
