package com.fmugateway.adapter.out.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.fake.FakeStripeServer;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.fixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class StripePaymentProviderIT {

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final FakeStripeServer stripe = new FakeStripeServer(clock);
  private final StripePaymentProvider provider =
      new StripePaymentProvider(
          FakeStripeServer.API_KEY,
          FakeStripeServer.WEBHOOK_SECRET,
          stripe.baseUrl(),
          clock,
          GuardSettings.defaults());

  @AfterEach
  void close() {
    provider.close();
    stripe.close();
  }

  @Test
  void createCheckout_opensAPaymentSessionForTheAmountThatClosesInAnHour() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);

    ProviderCheckout checkout = provider.createCheckout(request).block();

    assertThat(checkout.provider()).isEqualTo(ProviderId.STRIPE);
    assertThat(checkout.checkoutUrl())
        .isEqualTo(stripe.baseUrl() + "/c/pay/" + checkout.providerSessionId());
    assertThat(checkout.expiresAt()).isEqualTo(clock.now().plus(Duration.ofMinutes(60)));
    JsonNode session = stripe.session(checkout.providerSessionId());
    assertThat(session.path("amount_total").asLong()).isEqualTo(800);
    assertThat(session.path("currency").asString()).isEqualTo("usd");
    assertThat(session.path("client_reference_id").asString()).isEqualTo(request.reference());
    assertThat(session.path("metadata").path("reference").asString())
        .isEqualTo(request.reference());
    assertThat(session.path("success_url").asString()).isEqualTo(request.successUrl());
    assertThat(session.path("cancel_url").asString()).isEqualTo(request.cancelUrl());
    assertThat(stripe.requests().get(0).header("idempotency-key"))
        .isEqualTo(request.idempotencyKey());
  }

  @Test
  void theSameIdempotencyKeyMinutesLater_returnsTheSameSession() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    ProviderCheckout first = provider.createCheckout(request).block();
    clock.advance(Duration.ofMinutes(3));

    ProviderCheckout again = provider.createCheckout(request).block();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void status_followsTheSessionFromPendingToPaid() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();
    StepVerifier.create(provider.status(id)).expectNext(PaymentStatus.PENDING).verifyComplete();

    stripe.pay(id);

    StepVerifier.create(provider.status(id)).expectNext(PaymentStatus.PAID).verifyComplete();
  }

  @Test
  void status_ofASessionNobodyPaid_isExpiredOnceStripeClosedIt() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();

    stripe.expire(id);

    StepVerifier.create(provider.status(id)).expectNext(PaymentStatus.EXPIRED).verifyComplete();
  }

  @Test
  void aCompletedCheckoutWebhook_saysPaidAndNamesTheGatewaySession() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = provider.createCheckout(request).block().providerSessionId();
    SignedWebhook webhook = stripe.pay(id);

    ProviderEvent event = provider.verifyWebhook(webhook.body(), webhook.headers()).block();

    assertThat(event.provider()).isEqualTo(ProviderId.STRIPE);
    assertThat(event.eventId()).startsWith("evt_");
    assertThat(event.type()).isEqualTo("checkout.session.completed");
    assertThat(event.providerSessionId()).isEqualTo(id);
    assertThat(event.reference()).contains(request.reference());
    assertThat(event.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(event.occurredAt()).isEqualTo(clock.now());
  }

  @Test
  void aDelayedPayment_isPendingUntilItSettles() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();
    stripe.stayPending(true);

    assertThat(verify(stripe.pay(id)).status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(verify(stripe.settle(id, true)).status()).isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void aFailedDelayedPayment_isFailed() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();
    stripe.stayPending(true);
    stripe.pay(id);

    assertThat(verify(stripe.settle(id, false)).status()).isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  void anExpiredSessionWebhook_saysExpired() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();

    assertThat(verify(stripe.expire(id)).status()).isEqualTo(PaymentStatus.EXPIRED);
  }

  @Test
  void anEventWrittenInAnotherApiVersion_isStillRead() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = provider.createCheckout(request).block().providerSessionId();
    stripe.pay(id);

    ProviderEvent event =
        verify(stripe.event("checkout.session.completed", id, "2020-08-27", clock.now()));

    assertThat(event.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(event.reference()).contains(request.reference());
  }

  @Test
  void anEventOfAnotherType_isIgnored() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();
    SignedWebhook webhook = stripe.event("checkout.session.updated", id);

    StepVerifier.create(provider.verifyWebhook(webhook.body(), webhook.headers())).verifyComplete();
  }

  @Test
  void aForgedBody_isRefused() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();
    SignedWebhook genuine = stripe.expire(id);
    SignedWebhook forged = genuine.withBody(genuine.bodyText().replace("\"expired\"", "\"paid\""));

    StepVerifier.create(provider.verifyWebhook(forged.body(), forged.headers()))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  @Test
  void aSignatureOlderThanFiveMinutes_isRefused() {
    String id =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block().providerSessionId();
    stripe.pay(id);
    SignedWebhook stale =
        stripe.event(
            "checkout.session.completed",
            id,
            com.stripe.Stripe.API_VERSION,
            clock.now().minus(Duration.ofMinutes(6)));

    StepVerifier.create(provider.verifyWebhook(stale.body(), stale.headers()))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  @Test
  void aWebhookWithoutSignature_isRefused() {
    StepVerifier.create(provider.verifyWebhook("{}".getBytes(), java.util.Map.of()))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  @Test
  void aCryptoCheckout_isNotStripes() {
    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CRYPTO)))
        .expectError(IllegalArgumentException.class)
        .verify();
    assertThat(stripe.requests()).isEmpty();
  }

  private ProviderEvent verify(SignedWebhook webhook) {
    return provider.verifyWebhook(webhook.body(), webhook.headers()).block();
  }
}
