package com.fmugateway.domain.account.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed log-ins one email and one client address may have in a window before further
 * attempts are refused until the window ends. Successful log-ins do not count.
 */
public record LogInLimits(int perEmail, int perAddress, Duration window) {

  /** Five failures per email and twenty per address in fifteen minutes. */
  public static final LogInLimits DEFAULT = new LogInLimits(5, 20, Duration.ofMinutes(15));

  public LogInLimits {
    Objects.requireNonNull(window, "window");
    if (perEmail < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("log-in limits must be positive");
    }
  }
}
