package com.fmugateway.adapter.out.fmi.sandbox.pool;

import com.fmugateway.adapter.out.fmi.sandbox.host.WorkerProcess;
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
 * Idle workers by key, most recently used first, so that the others stay idle long enough to be
 * reaped. Not thread-safe: {@link WorkerPool} guards it.
 */
final class IdleWorkers {

  private final Map<PoolKey, Deque<WorkerProcess>> byKey = new HashMap<>();

  void add(WorkerProcess worker) {
    byKey.computeIfAbsent(worker.key(), k -> new ArrayDeque<>()).addFirst(worker);
  }

  /** The most recently used idle worker of {@code key}. */
  Optional<WorkerProcess> take(PoolKey key) {
    Deque<WorkerProcess> workers = byKey.get(key);
    if (workers == null) {
      return Optional.empty();
    }
    WorkerProcess worker = workers.pollFirst();
    if (workers.isEmpty()) {
      byKey.remove(key);
    }
    return Optional.ofNullable(worker);
  }

  /** Removes and returns the worker idle the longest, of whatever key. */
  Optional<WorkerProcess> takeLongestIdle() {
    WorkerProcess oldest = null;
    for (Deque<WorkerProcess> workers : byKey.values()) {
      WorkerProcess last = workers.peekLast();
      if (oldest == null || last.idleSince() - oldest.idleSince() < 0) {
        oldest = last;
      }
    }
    if (oldest == null) {
      return Optional.empty();
    }
    Deque<WorkerProcess> workers = byKey.get(oldest.key());
    workers.removeLast();
    if (workers.isEmpty()) {
      byKey.remove(oldest.key());
    }
    return Optional.of(oldest);
  }

  /** Removes and returns every idle worker matching {@code condition}. */
  List<WorkerProcess> takeAll(Predicate<WorkerProcess> condition) {
    List<WorkerProcess> taken = new ArrayList<>();
    for (Iterator<Deque<WorkerProcess>> keys = byKey.values().iterator(); keys.hasNext(); ) {
      Deque<WorkerProcess> workers = keys.next();
      for (Iterator<WorkerProcess> i = workers.iterator(); i.hasNext(); ) {
        WorkerProcess worker = i.next();
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

  List<WorkerProcess> all() {
    List<WorkerProcess> all = new ArrayList<>();
    byKey.values().forEach(all::addAll);
    return all;
  }
}
