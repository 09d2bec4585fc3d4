package com.fmugateway.domain.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.AnonymousAction;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.fixtures.InMemoryRateLimiter;
import com.fmugateway.domain.fixtures.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RateLimitServiceTest {

  private final MutableClock clock = MutableClock.atEpochDay();
  private final RateLimitService limits =
      new RateLimitService(Map.of(), new InMemoryRateLimiter(clock), 2, Duration.ofMinutes(1));

  @Test
  void givenAnAddressAtItsSignUpLimit_signUp_isRefusedUntilTheWindowEnds() {
    allowed(AnonymousAction.SIGN_UP, "10.0.0.1");
    allowed(AnonymousAction.SIGN_UP, "10.0.0.1");
    clock.advance(Duration.ofSeconds(20));

    StepVerifier.create(limits.anonymous(AnonymousAction.SIGN_UP, "10.0.0.1"))
        .assertNext(
            d -> {
              assertThat(d.allowed()).isFalse();
              assertThat(d.limit()).isEqualTo(2);
              assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(40));
            })
        .verifyComplete();
  }

  @Test
  void givenAnAddressAtItsSignUpLimit_otherActionsAndOtherAddresses_areStillAllowed() {
    allowed(AnonymousAction.SIGN_UP, "10.0.0.1");
    allowed(AnonymousAction.SIGN_UP, "10.0.0.1");

    allowed(AnonymousAction.LOG_IN, "10.0.0.1");
    allowed(AnonymousAction.ISSUE_KEY, "10.0.0.1");
    allowed(AnonymousAction.SIGN_UP, "10.0.0.2");
  }

  @Test
  void runs_areCountedPerAccountWhateverKeyOrPageStartsThem() {
    RateLimitService tiered =
        new RateLimitService(
            Map.of(Tier.FREE, new TierPolicy(Tier.FREE, 100, 2)),
            new InMemoryRateLimiter(clock),
            2,
            Duration.ofMinutes(1));
    AccountId alice = AccountId.random();
    tiered.run(alice, Tier.FREE).block();
    tiered.run(alice, Tier.FREE).block();

    assertThat(tiered.run(alice, Tier.FREE).block().allowed()).isFalse();
    assertThat(tiered.run(AccountId.random(), Tier.FREE).block().allowed()).isTrue();
  }

  private void allowed(AnonymousAction action, String address) {
    StepVerifier.create(limits.anonymous(action, address).map(RateDecision::allowed))
        .expectNext(true)
        .verifyComplete();
  }
}
