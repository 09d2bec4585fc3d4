package com.fmugateway.adapter.out.payments.support;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient {@link ProviderGuard} is with one provider.
 *
 * @param timeout one attempt is abandoned after this long
 * @param maxAttempts attempts per call, the first included
 * @param firstBackoff wait before the second attempt; it doubles for each further one
 * @param breakerWindow the circuit breaker judges the failure rate of this many recent calls
 * @param breakerMinimumCalls calls needed before the breaker judges at all
 * @param openDuration an open breaker refuses calls this long before it lets a few probe through
 */
public record GuardSettings(
    Duration timeout,
    int maxAttempts,
    Duration firstBackoff,
    int breakerWindow,
    int breakerMinimumCalls,
    Duration openDuration) {

  public GuardSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(openDuration, "openDuration");
    if (maxAttempts < 1 || breakerWindow < 1 || breakerMinimumCalls < 1) {
      throw new IllegalArgumentException("attempts and breaker sizes must be positive");
    }
  }

  /**
   * 10 s per attempt, 3 attempts 0.5 s and 1 s apart, and a breaker that opens for 30 s when half
   * of the last 20 calls (at least 5) failed. A call gives up after about 32 s at worst.
   */
  public static GuardSettings defaults() {
    return new GuardSettings(
        Duration.ofSeconds(10), 3, Duration.ofMillis(500), 20, 5, Duration.ofSeconds(30));
  }
}
