package com.fmugateway.domain.account.model;

import java.time.Duration;
import java.util.Objects;

/** Whether a request may go ahead under its rate limit, and if not, when to come back. */
public record RateDecision(boolean allowed, int limit, Duration retryAfter) {

  public RateDecision {
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public static RateDecision allow(int limit) {
    return new RateDecision(true, limit, Duration.ZERO);
  }
}
