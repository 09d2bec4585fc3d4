package com.fmugateway.adapter.out.payments.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.fake.FakeCoinbaseServer;
import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CoinbaseResilienceIT {

  private static final GuardSettings QUICK =
      new GuardSettings(
          Duration.ofMillis(500), 3, Duration.ofMillis(20), 10, 4, Duration.ofMinutes(1));

  private final FakeCoinbaseServer coinbase = new FakeCoinbaseServer();
  private final CoinbaseCommercePaymentProvider provider = provider(FakeCoinbaseServer.API_KEY);

  @AfterEach
  void close() {
    coinbase.close();
  }

  @Test
  void aServerErrorThenSuccess_isRetried() {
    coinbase.failNextCalls(1);

    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CRYPTO)))
        .expectNextCount(1)
        .verifyComplete();
    assertThat(coinbase.requests()).hasSize(2);
  }

  @Test
  void aRateLimitThenSuccess_isRetried() {
    coinbase.rateLimitNextCalls(1);

    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CRYPTO)))
        .expectNextCount(1)
        .verifyComplete();
    assertThat(coinbase.requests()).hasSize(2);
  }

  @Test
  void aCallThatHangsPastTheTimeout_isAbandonedAndRetried() {
    String id =
        provider
            .createCheckout(Checkouts.request(PaymentMethod.CRYPTO))
            .block()
            .providerSessionId();
    coinbase.hangNextCalls(1);

    StepVerifier.create(provider.status(id)).expectNextCount(1).verifyComplete();
    assertThat(coinbase.requests()).hasSize(3);
  }

  @Test
  void persistentServerErrors_makeCoinbaseUnavailable() {
    coinbase.failNextCalls(3);

    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CRYPTO)))
        .expectError(ProviderUnavailableException.class)
        .verify();
    assertThat(coinbase.requests()).hasSize(3);
  }

  @Test
  void anUnreachableCoinbase_isUnavailable() {
    coinbase.close();

    StepVerifier.create(provider.status("any"))
        .expectError(ProviderUnavailableException.class)
        .verify();
  }

  @Test
  void afterRepeatedFailures_theBreakerStopsCallingCoinbase() {
    coinbase.failNextCalls(100);
    for (int i = 0; i < 2; i++) {
      StepVerifier.create(provider.status("any"))
          .expectError(ProviderUnavailableException.class)
          .verify();
    }
    int callsSoFar = coinbase.requests().size();

    StepVerifier.create(provider.status("any"))
        .expectErrorSatisfies(
            e -> assertThat(e).hasCauseInstanceOf(CallNotPermittedException.class))
        .verify();
    assertThat(coinbase.requests()).hasSize(callsSoFar);
  }

  @Test
  void aRequestCoinbaseRefuses_failsAtOnceWithCoinbasesReason() {
    StepVerifier.create(
            provider("wrong-key").createCheckout(Checkouts.request(PaymentMethod.CRYPTO)))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("No such API key"))
        .verify();
    assertThat(coinbase.requests()).hasSize(1);
  }

  private CoinbaseCommercePaymentProvider provider(String apiKey) {
    return new CoinbaseCommercePaymentProvider(
        new CoinbaseCommerceClient(coinbase.baseUrl(), apiKey, Duration.ofSeconds(5)),
        FakeCoinbaseServer.WEBHOOK_SECRET,
        Duration.ofMinutes(5),
        Instant::now,
        QUICK);
  }
}
