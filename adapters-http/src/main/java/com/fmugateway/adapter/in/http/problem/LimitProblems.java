package com.fmugateway.adapter.in.http.problem;

import com.fmugateway.domain.shared.model.LimitReachedException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A limit of the account reached, naming it: 429 with Retry-After when waiting helps, 409 when
 * something must be freed first (a key revoked).
 */
final class LimitProblems {

  private LimitProblems() {}

  static Problem of(LimitReachedException reached) {
    Problem problem =
        Problem.of(
                reached.retryAfter().isPresent()
                    ? HttpStatus.TOO_MANY_REQUESTS
                    : HttpStatus.CONFLICT,
                reached.getMessage())
            .with("limit", reached.limit())
            .with("max", reached.max());
    return reached
        .retryAfter()
        .map(wait -> problem.with("retry_after", seconds(wait)))
        .orElse(problem);
  }

  /** Whole seconds, rounded up, at least one. */
  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
