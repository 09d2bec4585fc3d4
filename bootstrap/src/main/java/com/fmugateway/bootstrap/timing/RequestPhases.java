package com.fmugateway.bootstrap.timing;

import java.util.EnumMap;
import java.util.Map;

/**
 * One request's time by phase, carried in the Reactor context from {@link PhaseTimingFilter} to the
 * timed ports. A request's phases follow one another, but may end on different threads, hence the
 * synchronization.
 */
final class RequestPhases {

  /** The Reactor context key. */
  static final Class<RequestPhases> KEY = RequestPhases.class;

  private final long arrived = System.nanoTime();
  private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
  private long useCaseStarted;
  private long useCaseEnded;

  synchronized void add(Phase phase, long elapsed) {
    nanos.merge(phase, elapsed, Long::sum);
  }

  synchronized void useCaseStarted() {
    useCaseStarted = System.nanoTime();
  }

  synchronized void useCaseEnded() {
    if (useCaseEnded == 0) {
      useCaseEnded = System.nanoTime();
    }
  }

  /**
   * The phases of a finished request, the derived ones included: decoding is what passed before the
   * use case began beyond authentication and the rate limit; encoding what passed after it ended;
   * "other" what the use case spent outside its timed ports.
   */
  synchronized Map<Phase, Long> finish() {
    long done = System.nanoTime();
    Map<Phase, Long> all = new EnumMap<>(nanos);
    all.put(Phase.SERVER_TOTAL, done - arrived);
    if (useCaseStarted != 0 && useCaseEnded != 0) {
      long before = useCaseStarted - arrived;
      all.put(
          Phase.HTTP_DECODE,
          Math.max(0, before - get(Phase.AUTHENTICATION) - get(Phase.RATE_LIMIT)));
      all.put(Phase.ENCODING, done - useCaseEnded);
      long inside = useCaseEnded - useCaseStarted;
      long ports =
          get(Phase.FMU_LOOKUP)
              + get(Phase.RUN_SLOT)
              + get(Phase.QUOTE_HOLD)
              + get(Phase.WORKER_ROUND_TRIP)
              + get(Phase.SETTLE_RECORD);
      all.put(Phase.USE_CASE_OTHER, Math.max(0, inside - ports));
    }
    return all;
  }

  private long get(Phase phase) {
    return nanos.getOrDefault(phase, 0L);
  }
}
