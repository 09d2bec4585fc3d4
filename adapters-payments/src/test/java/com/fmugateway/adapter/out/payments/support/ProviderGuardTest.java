package com.fmugateway.adapter.out.payments.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ProviderGuardTest {

  private static final GuardSettings QUICK =
      new GuardSettings(
          Duration.ofMillis(200), 3, Duration.ofMillis(10), 10, 4, Duration.ofMinutes(1));

  private final ProviderGuard guard = new ProviderGuard("test", QUICK);
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void aTransientFailureFollowedBySuccess_isRetried() {
    Mono<String> call =
        guard.call(
            "op",
            () ->
                attempts.incrementAndGet() == 1
                    ? Mono.error(new TransientProviderException("HTTP 500"))
                    : Mono.just("ok"));

    StepVerifier.create(call).expectNext("ok").verifyComplete();
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aPersistentTransientFailure_becomesProviderUnavailableAfterEveryAttempt() {
    Mono<String> call =
        guard.call(
            "create checkout",
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new TransientProviderException("HTTP 503"));
            });

    StepVerifier.create(call)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("create checkout")
                    .hasCauseInstanceOf(TransientProviderException.class))
        .verify();
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aRefusedRequest_isNeitherRetriedNorDisguised() {
    Mono<String> call =
        guard.call(
            "op",
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new IllegalStateException("HTTP 400: bad currency"));
            });

    StepVerifier.create(call)
        .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(IllegalStateException.class))
        .verify();
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anAttemptThatNeverAnswers_timesOutAndIsRetried() {
    Mono<String> call =
        guard.call("op", () -> attempts.incrementAndGet() == 1 ? Mono.never() : Mono.just("ok"));

    StepVerifier.create(call).expectNext("ok").verifyComplete();
    assertThat(attempts).hasValue(2);
  }

  @Test
  void attemptsThatNeverAnswer_becomeProviderUnavailable() {
    Mono<String> call = guard.call("op", Mono::never);

    StepVerifier.create(call)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasCauseInstanceOf(TimeoutException.class))
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void afterEnoughFailures_theBreakerOpensAndCallsNoLongerReachTheProvider() {
    Mono<String> failing =
        guard.call(
            "op",
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new TransientProviderException("HTTP 500"));
            });
    // Two calls of three attempts each exceed the four calls the breaker needs to judge.
    StepVerifier.create(failing).expectError(ProviderUnavailableException.class).verify();
    StepVerifier.create(failing).expectError(ProviderUnavailableException.class).verify();
    int attemptsBeforeOpen = attempts.get();

    StepVerifier.create(failing)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasCauseInstanceOf(CallNotPermittedException.class))
        .verify();
    assertThat(attempts).hasValue(attemptsBeforeOpen);
    assertThat(guard.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
  }
}
