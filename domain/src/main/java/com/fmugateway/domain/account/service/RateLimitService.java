package com.fmugateway.domain.account.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.AnonymousAction;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import com.fmugateway.domain.account.port.out.RateLimiter;
import com.fmugateway.domain.billing.model.TierPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Applies the tier's runs-per-minute to each account (all its keys and the portal together) and a
 * fixed per-address limit to each anonymous action.
 */
public final class RateLimitService implements EnforceRateLimitUseCase {

  private final Map<Tier, TierPolicy> tiers;
  private final RateLimiter limiter;
  private final int anonymousPerMinute;
  private final Duration window;

  /** {@code window} is a minute in production; tests stretch it so no boundary falls mid-test. */
  public RateLimitService(
      Map<Tier, TierPolicy> tiers, RateLimiter limiter, int anonymousPerMinute, Duration window) {
    this.tiers = Map.copyOf(tiers);
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.anonymousPerMinute = anonymousPerMinute;
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public Mono<RateDecision> run(AccountId account, Tier tier) {
    TierPolicy policy = tiers.get(tier);
    if (policy == null) {
      return Mono.error(new IllegalStateException("no policy configured for tier " + tier));
    }
    return limiter.tryAcquire("run:account:" + account, policy.runsPerMinute(), window);
  }

  @Override
  public Mono<RateDecision> anonymous(AnonymousAction action, String clientAddress) {
    return limiter.tryAcquire(bucket(action) + ":ip:" + clientAddress, anonymousPerMinute, window);
  }

  /** The names the limiter's windows have always been stored under. */
  private static String bucket(AnonymousAction action) {
    return switch (action) {
      case ISSUE_KEY -> "keys";
      case SIGN_UP -> "signup";
      case LOG_IN -> "login";
    };
  }
}
