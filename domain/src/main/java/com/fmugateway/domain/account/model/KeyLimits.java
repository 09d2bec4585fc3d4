package com.fmugateway.domain.account.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How many unrevoked API keys one account may hold, and how many it may create per window (an hour
 * in production; tests stretch it). Revoked keys do not count.
 */
public record KeyLimits(int maxActive, int creationsPerWindow, Duration window) {

  public KeyLimits {
    Objects.requireNonNull(window, "window");
    if (maxActive < 1 || creationsPerWindow < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("key limits must be positive");
    }
  }
}
