package com.fmugateway.domain.shared.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An account reached one of its limits (API keys, key creations, runs at once). {@code retryAfter}
 * says when trying again may succeed; empty when the caller must first free something (revoke a
 * key), which the message says.
 */
public final class LimitReachedException extends DomainException {

  private final String limit;
  private final int max;
  private final Optional<Duration> retryAfter;

  /** {@code limit} names the limit in snake_case (e.g. {@code active_api_keys}). */
  public LimitReachedException(
      String limit, int max, Optional<Duration> retryAfter, String message) {
    super(message);
    this.limit = Objects.requireNonNull(limit, "limit");
    this.max = max;
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public String limit() {
    return limit;
  }

  public int max() {
    return max;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
