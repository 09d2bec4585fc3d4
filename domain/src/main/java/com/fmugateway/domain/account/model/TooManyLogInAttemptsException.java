package com.fmugateway.domain.account.model;

import com.fmugateway.domain.shared.model.DomainException;
import java.time.Duration;
import java.util.Objects;

/**
 * Too many failed log-ins for this email or from this client address lately; says when to try
 * again, and nothing about whether the email has an account.
 */
public class TooManyLogInAttemptsException extends DomainException {

  private final Duration retryAfter;

  public TooManyLogInAttemptsException(Duration retryAfter) {
    super("too many failed log-ins; try again in " + minutes(retryAfter) + " min");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole minutes to wait, rounded up, at least one. */
  public long retryAfterMinutes() {
    return minutes(retryAfter);
  }

  private static long minutes(Duration wait) {
    return Math.max(1, (wait.toSeconds() + 59) / 60);
  }
}
