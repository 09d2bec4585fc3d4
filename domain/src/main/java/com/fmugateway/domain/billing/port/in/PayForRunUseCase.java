package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.RunCharge;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.model.Settlement;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: pay for one run. Before it starts, {@link #secure} holds the quote, reserves a payment
 * token, claims an x402 payment, or says what must be paid; afterwards the secured funding is
 * settled (the run succeeded) or released (it failed, or its caller went away). Only money moves
 * here: the run's record is the simulation's business.
 */
public interface PayForRunUseCase {

  Mono<RunFunding> secure(SecureRunCommand command);

  /**
   * The run succeeded having used {@code cpuTime}: captures its cost from the hold (the rest goes
   * back), consumes the token, or settles the x402 payment. Answers the credits charged (zero when
   * money paid) and the x402 receipt; fails with {@link
   * com.fmugateway.domain.billing.model.X402SettlementFailedException} when an x402 payment could
   * not be settled.
   */
  Mono<RunCharge> settle(
      AccountId caller, UUID runId, RunFunding.Secured funding, Duration cpuTime);

  /**
   * How {@link #settle} would end a credit hold for a run that used {@code cpuTime}, without
   * writing anything: for a caller that writes the settlement together with its own records.
   */
  Settlement settlement(RunFunding.ByCredits funding, Duration cpuTime);

  /** Gives the whole hold back, makes the token ready again, or ends an x402 claim unsettled. */
  Mono<Void> release(RunFunding.Secured funding);
}
