package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.RunFunding;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: pay for one run. Before it starts, {@link #secure} holds the quote, reserves a payment
 * token, or says what must be paid; afterwards the secured funding is settled (the run succeeded)
 * or released (it failed, or its caller went away). Only money moves here: the run's record is the
 * simulation's business.
 */
public interface PayForRunUseCase {

  Mono<RunFunding> secure(SecureRunCommand command);

  /**
   * The run succeeded having used {@code cpuTime}: captures its cost from the hold (the rest goes
   * back), or consumes the token. Answers the credits charged (zero when a token paid).
   */
  Mono<Long> settle(AccountId caller, UUID runId, RunFunding.Secured funding, Duration cpuTime);

  /** Gives the whole hold back, or makes the token ready again. */
  Mono<Void> release(RunFunding.Secured funding);
}
