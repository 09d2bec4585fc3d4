package com.fmugateway.domain.account.port.out;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Role: counts failed log-ins per subject (an email, a client address) in fixed windows shared by
 * every gateway instance.
 */
public interface FailedLogIns {

  /**
   * How long {@code subject} stays refused: the rest of the current window once it holds {@code
   * limit} failures, else zero. Counts nothing.
   */
  Mono<Duration> lockedFor(String subject, int limit, Duration window);

  /** Counts one failure for {@code subject} in the current window. */
  Mono<Void> record(String subject, Duration window);
}
