package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.AnonymousAction;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.account.model.RateDecision;
import reactor.core.publisher.Mono;

/** Use case: may this caller start one more run, or this client address open one more account? */
public interface EnforceRateLimitUseCase {

  /** Runs per minute per key, by the account's tier. */
  Mono<RateDecision> run(AuthenticatedAccount caller);

  /** Anonymous actions (key issuance, sign-up, log-in) per client address. */
  Mono<RateDecision> anonymous(AnonymousAction action, String clientAddress);
}
