package com.fmugateway.adapter.out.payments.support;

import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Timeout, retries with exponential backoff and a circuit breaker around one remote provider.
 *
 * <p>Each attempt has its own timeout; the breaker counts every attempt, so a provider that keeps
 * failing opens it quickly, and retrying stops as soon as it is open. Only transient failures
 * ({@link TransientProviderException}, timeouts) are retried or counted against the provider: a 4xx
 * is our mistake, reported as it is. Whatever remains of a transient failure, or an open breaker,
 * reaches the caller as {@link ProviderUnavailableException}. Creating a checkout is retried too:
 * every provider call carries the request's idempotency key.
 */
public final class ProviderGuard {

  private final String provider;
  private final TimeLimiter timeLimiter;
  private final CircuitBreaker breaker;
  private final Retry retry;

  public ProviderGuard(String provider, GuardSettings settings) {
    this.provider = provider;
    this.timeLimiter =
        TimeLimiter.of(
            provider, TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).build());
    this.breaker =
        CircuitBreaker.of(
            provider,
            CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(ProviderGuard::isTransient)
                .build());
    this.retry =
        Retry.of(
            provider,
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(settings.firstBackoff(), 2.0))
                .retryOnException(ProviderGuard::isTransient)
                .build());
  }

  /**
   * Runs a remote call under the guard. {@code call} is invoked again for every attempt, so it may
   * build its request eagerly; side effects belong inside the returned Mono.
   */
  public <T> Mono<T> call(String operation, Supplier<Mono<T>> call) {
    return Mono.defer(call)
        .transformDeferred(TimeLimiterOperator.of(timeLimiter))
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .transformDeferred(RetryOperator.of(retry))
        .onErrorMap(
            e -> isTransient(e) || e instanceof CallNotPermittedException,
            e -> new ProviderUnavailableException(describe(operation, e), e));
  }

  /** The breaker's state, for health reporting. */
  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  private String describe(String operation, Throwable e) {
    if (e instanceof CallNotPermittedException) {
      return provider + " is failing; calls are paused (" + operation + ")";
    }
    if (e instanceof TimeoutException) {
      return provider + " did not answer in time (" + operation + ")";
    }
    return provider + " is unavailable (" + operation + "): " + e.getMessage();
  }

  private static boolean isTransient(Throwable e) {
    return e instanceof TransientProviderException || e instanceof TimeoutException;
  }
}
