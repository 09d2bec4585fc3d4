package com.fmugateway.adapter.out.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.fake.FakeProviderServer.Request;
import com.fmugateway.adapter.out.payments.fake.FakeStripeServer;
import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class StripeResilienceIT {

  private static final GuardSettings QUICK =
      new GuardSettings(
          Duration.ofMillis(500), 3, Duration.ofMillis(20), 10, 4, Duration.ofMinutes(1));

  private final FakeStripeServer stripe = new FakeStripeServer();
  private final StripePaymentProvider provider =
      new StripePaymentProvider(
          FakeStripeServer.API_KEY,
          FakeStripeServer.WEBHOOK_SECRET,
          stripe.baseUrl(),
          Instant::now,
          QUICK);

  @AfterEach
  void close() {
    provider.close();
    stripe.close();
  }

  @Test
  void aServerErrorThenSuccess_isRetriedUnderTheSameIdempotencyKey() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    stripe.failNextCalls(1);

    ProviderCheckout checkout = provider.createCheckout(request).block();

    assertThat(checkout.providerSessionId()).startsWith("cs_test_");
    assertThat(stripe.requests())
        .hasSize(2)
        .extracting(r -> r.header("idempotency-key"))
        .containsOnly(request.idempotencyKey());
  }

  @Test
  void aRateLimitThenSuccess_isRetried() {
    stripe.rateLimitNextCalls(1);

    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CARD)))
        .expectNextCount(1)
        .verifyComplete();
    assertThat(stripe.requests()).hasSize(2);
  }

  @Test
  void aCallThatHangsPastTheTimeout_isAbandonedAndRetried() {
    stripe.hangNextCalls(1);

    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CARD)))
        .expectNextCount(1)
        .verifyComplete();
    assertThat(stripe.requests()).hasSize(2);
  }

  @Test
  void persistentServerErrors_makeStripeUnavailable() {
    stripe.failNextCalls(3);

    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CARD)))
        .expectError(ProviderUnavailableException.class)
        .verify();
    assertThat(stripe.requests()).hasSize(3);
  }

  @Test
  void afterRepeatedFailures_theBreakerStopsCallingStripe() {
    stripe.failNextCalls(100);
    for (int i = 0; i < 2; i++) {
      StepVerifier.create(provider.status("cs_test_x"))
          .expectError(ProviderUnavailableException.class)
          .verify();
    }
    int callsSoFar = stripe.requests().size();

    StepVerifier.create(provider.status("cs_test_x"))
        .expectErrorSatisfies(
            e -> assertThat(e).hasCauseInstanceOf(CallNotPermittedException.class))
        .verify();
    assertThat(stripe.requests()).hasSize(callsSoFar);
  }

  @Test
  void aRequestStripeRefuses_failsAtOnceWithStripesReason() {
    StripePaymentProvider wrongKey =
        new StripePaymentProvider(
            "sk_test_wrong",
            FakeStripeServer.WEBHOOK_SECRET,
            stripe.baseUrl(),
            Instant::now,
            QUICK);
    try {
      StepVerifier.create(wrongKey.createCheckout(Checkouts.request(PaymentMethod.CARD)))
          .expectErrorSatisfies(
              e ->
                  assertThat(e)
                      .isExactlyInstanceOf(IllegalStateException.class)
                      .hasMessageContaining("HTTP 401")
                      .hasMessageContaining("Invalid API Key"))
          .verify();
      assertThat(stripe.requests()).extracting(Request::path).hasSize(1);
    } finally {
      wrongKey.close();
    }
  }

  @Test
  void anUnknownSession_isReportedAsStripesRefusal() {
    StepVerifier.create(provider.status("cs_test_unknown"))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("404"))
        .verify();
  }
}
