package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.AnonymousAction;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.model.Tier;
import reactor.core.publisher.Mono;

/** Use case: may this caller start one more run, or this client address open one more account? */
public interface EnforceRateLimitUseCase {

  /**
   * Runs per minute per account, by its tier: every key of the account and the portal draw on the
   * one budget.
   */
  Mono<RateDecision> run(AccountId account, Tier tier);

  /** Anonymous actions (key issuance, sign-up, log-in) per client address. */
  Mono<RateDecision> anonymous(AnonymousAction action, String clientAddress);
}
