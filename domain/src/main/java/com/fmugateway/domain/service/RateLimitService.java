package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AuthenticatedAccount;
import com.fmugateway.domain.model.limit.RateDecision;
import com.fmugateway.domain.port.in.EnforceRateLimitUseCase;
import com.fmugateway.domain.port.out.AccountStore;
import com.fmugateway.domain.port.out.RateLimiter;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Applies the tier's runs-per-minute to each key and a fixed per-address limit to sign-ups. */
public final class RateLimitService implements EnforceRateLimitUseCase {

  private final AccountStore accounts;
  private final MonthlyGrants tiers;
  private final RateLimiter limiter;
  private final int anonymousPerMinute;
  private final Duration window;

  /** {@code window} is a minute in production; tests stretch it so no boundary falls mid-test. */
  public RateLimitService(
      AccountStore accounts,
      MonthlyGrants tiers,
      RateLimiter limiter,
      int anonymousPerMinute,
      Duration window) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.tiers = Objects.requireNonNull(tiers, "tiers");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.anonymousPerMinute = anonymousPerMinute;
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public Mono<RateDecision> run(AuthenticatedAccount caller) {
    return accounts
        .findById(caller.accountId())
        .map(account -> tiers.policy(account.tier()).runsPerMinute())
        .flatMap(limit -> limiter.tryAcquire("run:key:" + caller.keyId(), limit, window));
  }

  @Override
  public Mono<RateDecision> anonymous(String action, String clientAddress) {
    return limiter.tryAcquire(action + ":ip:" + clientAddress, anonymousPerMinute, window);
  }
}
