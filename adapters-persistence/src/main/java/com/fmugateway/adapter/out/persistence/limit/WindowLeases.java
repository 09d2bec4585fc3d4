package com.fmugateway.adapter.out.persistence.limit;

import com.fmugateway.domain.account.model.RateDecision;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What this gateway knows of each bucket's current window without asking the database: hits it
 * counted there ahead of need and has not spent yet, and whether the database called the window
 * full. Both only ever make the gateway refuse sooner than the shared count would, never admit a
 * request it would refuse: a leased hit is already counted, and a full window stays full until it
 * ends.
 *
 * <p>Windows end on this gateway's monotonic clock, at the time the request that learned of them
 * was sent plus the database's time left: never later than the database's own end.
 */
final class WindowLeases {

  /** Buckets remembered at most; beyond that a bucket asks the database every time, as before. */
  static final int MAX_BUCKETS = 10_000;

  /** Hits leased at once under a limit: 1% of it, so 1 below a limit of 200, at most 100. */
  static int leaseSize(int limit) {
    return Math.max(1, Math.min(limit / 100, 100));
  }

  private static final Duration LEAST_RETRY = Duration.ofMillis(1);
  private static final long PURGE_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final int maxBuckets;
  private final AtomicLong lastPurge;

  WindowLeases() {
    this(System::nanoTime, MAX_BUCKETS);
  }

  /** For tests: a clock they move and a smaller cap. */
  WindowLeases(LongSupplier nanoTime, int maxBuckets) {
    this.nanoTime = nanoTime;
    this.maxBuckets = maxBuckets;
    this.lastPurge = new AtomicLong(nanoTime.getAsLong() - PURGE_EVERY_NANOS);
  }

  long now() {
    return nanoTime.getAsLong();
  }

  /**
   * A leased hit, or a refusal when the window is known full; empty when only the database can tell
   * (nothing known, nothing left, the window over, or the bucket's limit changed since).
   */
  Optional<RateDecision> take(String bucket, int limit) {
    Window window = windows.get(bucket);
    long now = now();
    if (window == null || window.limit != limit || now - window.endsAt >= 0) {
      return Optional.empty();
    }
    if (window.left.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0) {
      return Optional.of(RateDecision.allow(limit));
    }
    if (window.full) {
      Duration remaining = Duration.ofNanos(window.endsAt - now);
      return Optional.of(
          new RateDecision(
              false, limit, remaining.compareTo(LEAST_RETRY) < 0 ? LEAST_RETRY : remaining));
    }
    return Optional.empty();
  }

  /**
   * Keeps {@code spare} hits the database granted beyond the one spent now, for the window that
   * started at {@code startMillis} and ends here at {@code endsAt} ({@link #now()}'s clock); or,
   * when {@code full}, remembers that it refuses every further hit.
   */
  void learned(String bucket, int limit, long startMillis, long endsAt, int spare, boolean full) {
    if (spare <= 0 && !full) {
      return;
    }
    if (!windows.containsKey(bucket) && windows.size() >= maxBuckets && !purgeAtMostEverySecond()) {
      return;
    }
    windows.compute(
        bucket,
        (key, known) -> {
          if (known != null && known.limit == limit && known.startMillis > startMillis) {
            return known; // an answer about an older window, overtaken
          }
          Window window =
              known != null && known.limit == limit && known.startMillis == startMillis
                  ? known
                  : new Window(limit, startMillis, endsAt);
          window.left.addAndGet(Math.max(0, spare));
          window.full |= full;
          return window;
        });
  }

  /** Forgets windows that have ended. */
  void purge() {
    long now = now();
    windows.values().removeIf(window -> now - window.endsAt >= 0);
  }

  int buckets() {
    return windows.size();
  }

  /** Whether a purge ran and made room; at most once a second, since it walks every bucket. */
  private boolean purgeAtMostEverySecond() {
    long now = now();
    long last = lastPurge.get();
    if (now - last < PURGE_EVERY_NANOS || !lastPurge.compareAndSet(last, now)) {
      return false;
    }
    purge();
    return windows.size() < maxBuckets;
  }

  private static final class Window {
    final int limit;
    final long startMillis;
    final long endsAt;
    final AtomicInteger left = new AtomicInteger();
    volatile boolean full;

    Window(int limit, long startMillis, long endsAt) {
      this.limit = limit;
      this.startMillis = startMillis;
      this.endsAt = endsAt;
    }
  }
}
