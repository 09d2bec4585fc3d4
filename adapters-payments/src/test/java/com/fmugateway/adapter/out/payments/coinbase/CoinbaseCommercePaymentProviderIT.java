package com.fmugateway.adapter.out.payments.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.fake.FakeCoinbaseServer;
import com.fmugateway.adapter.out.payments.fake.FakeProviderServer.Request;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import com.fmugateway.adapter.out.payments.fake.WebhookRecorder;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class CoinbaseCommercePaymentProviderIT {

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final FakeCoinbaseServer coinbase = new FakeCoinbaseServer(clock);
  private final CoinbaseCommercePaymentProvider provider =
      new CoinbaseCommercePaymentProvider(
          new CoinbaseCommerceClient(
              coinbase.baseUrl(), FakeCoinbaseServer.API_KEY, Duration.ofSeconds(5)),
          FakeCoinbaseServer.WEBHOOK_SECRET,
          Duration.ofMinutes(5),
          clock,
          GuardSettings.defaults());

  @AfterEach
  void close() {
    coinbase.close();
  }

  @Test
  void createCheckout_opensAFixedPriceChargeInDollars() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CRYPTO);

    ProviderCheckout checkout = provider.createCheckout(request).block();

    assertThat(checkout.provider()).isEqualTo(ProviderId.COINBASE);
    JsonNode charge = coinbase.charge(checkout.providerSessionId());
    assertThat(checkout.checkoutUrl()).isEqualTo(charge.path("hosted_url").asString());
    assertThat(checkout.expiresAt()).isEqualTo(clock.now().plus(Duration.ofHours(1)));
    assertThat(charge.path("pricing").path("local").path("amount").asString()).isEqualTo("8.00");
    assertThat(charge.path("pricing").path("local").path("currency").asString()).isEqualTo("USD");
    assertThat(charge.path("metadata").path("reference").asString()).isEqualTo(request.reference());
    assertThat(charge.path("metadata").path("idempotency_key").asString())
        .isEqualTo(request.idempotencyKey());
    assertThat(charge.path("redirects").path("success_url").asString())
        .isEqualTo(request.successUrl());
    Request sent = coinbase.requests().get(0);
    assertThat(sent.header("x-cc-version")).isEqualTo("2018-03-22");
    assertThat(sent.header("x-idempotency-key")).isEqualTo(request.idempotencyKey());
  }

  @Test
  void theSameIdempotencyKeyAgain_returnsTheSameChargeWithoutMakingAnother() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CRYPTO);
    ProviderCheckout first = provider.createCheckout(request).block();

    ProviderCheckout again = provider.createCheckout(request).block();

    assertThat(again).isEqualTo(first);
    assertThat(coinbase.chargeCount()).isEqualTo(1);
  }

  @Test
  void aCreateThatFailed_isAttemptedAfreshWithTheSameKey() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CRYPTO);
    coinbase.failNextCalls(3);
    StepVerifier.create(provider.createCheckout(request))
        .expectError(com.fmugateway.domain.checkout.model.ProviderUnavailableException.class)
        .verify();

    StepVerifier.create(provider.createCheckout(request)).expectNextCount(1).verifyComplete();
  }

  @Test
  void status_followsTheTimelineFromPendingToPaid() {
    String id = open();
    StepVerifier.create(provider.status(id)).expectNext(PaymentStatus.PENDING).verifyComplete();
    coinbase.stayPending(true);
    coinbase.pay(id);
    StepVerifier.create(provider.status(id)).expectNext(PaymentStatus.PENDING).verifyComplete();

    coinbase.confirm(id);

    StepVerifier.create(provider.status(id)).expectNext(PaymentStatus.PAID).verifyComplete();
  }

  @Test
  void status_ofAChargeNobodyPaid_isExpired() {
    String id = open();
    coinbase.expire(id);

    StepVerifier.create(provider.status(id)).expectNext(PaymentStatus.EXPIRED).verifyComplete();
  }

  @Test
  void aConfirmedChargeWebhook_saysPaidAndNamesTheGatewaySession() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CRYPTO);
    String id = provider.createCheckout(request).block().providerSessionId();

    ProviderEvent event = verify(coinbase.pay(id));

    assertThat(event.provider()).isEqualTo(ProviderId.COINBASE);
    assertThat(event.type()).isEqualTo("charge:confirmed");
    assertThat(event.providerSessionId()).isEqualTo(id);
    assertThat(event.reference()).contains(request.reference());
    assertThat(event.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(event.occurredAt()).isEqualTo(clock.now());
  }

  @Test
  void aPaymentSeenButNotFinal_isPending() {
    String id = open();
    coinbase.stayPending(true);

    assertThat(verify(coinbase.pay(id)).status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void aChargeThatFailedByRunningOutOfTime_isExpired() {
    String id = open();

    assertThat(verify(coinbase.expire(id)).status()).isEqualTo(PaymentStatus.EXPIRED);
  }

  @Test
  void aChargeThatFailedOtherwise_isFailed() {
    String id = open();

    assertThat(verify(coinbase.event("charge:failed", id)).status())
        .isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  void aWebhookDeliveredTwice_readsAsTheSameEventBothTimes() throws Exception {
    String id = open();
    SignedWebhook webhook = coinbase.pay(id);
    coinbase.deliverTwice(true);
    try (WebhookRecorder gateway = new WebhookRecorder()) {
      assertThat(coinbase.deliver(webhook, gateway.baseUrl().resolve("/webhooks/coinbase")))
          .containsExactly(200, 200);

      ProviderEvent first = verify(gateway.next(Duration.ofSeconds(5)).webhook());
      ProviderEvent second = verify(gateway.next(Duration.ofSeconds(5)).webhook());
      assertThat(second).isEqualTo(first);
    }
  }

  @Test
  void aCreatedChargeEvent_isIgnored() {
    SignedWebhook webhook = coinbase.event("charge:created", open());

    StepVerifier.create(provider.verifyWebhook(webhook.body(), webhook.headers())).verifyComplete();
  }

  @Test
  void aForgedBody_isRefused() {
    String id = open();
    SignedWebhook genuine = coinbase.expire(id);
    SignedWebhook forged =
        genuine.withBody(genuine.bodyText().replace("charge:failed", "charge:confirmed"));

    StepVerifier.create(provider.verifyWebhook(forged.body(), forged.headers()))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  @Test
  void aSignatureUnderAnotherSecret_isRefused() {
    String body = coinbase.pay(open()).bodyText();
    Map<String, String> headers =
        Map.of(
            "x-cc-webhook-signature",
            com.fmugateway.adapter.out.payments.support.Hmac.sha256Hex("guess", body.getBytes()));

    StepVerifier.create(provider.verifyWebhook(body.getBytes(), headers))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  @Test
  void anEventSentLongerAgoThanTheTolerance_isRefused() {
    String id = open();
    coinbase.pay(id);
    SignedWebhook stale =
        coinbase.event("charge:confirmed", id, clock.now().minus(Duration.ofMinutes(6)));

    StepVerifier.create(provider.verifyWebhook(stale.body(), stale.headers()))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  @Test
  void aWebhookWithoutSignature_isRefused() {
    StepVerifier.create(provider.verifyWebhook("{}".getBytes(), Map.of()))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  @Test
  void aCardCheckout_isNotCoinbases() {
    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CARD)))
        .expectError(IllegalArgumentException.class)
        .verify();
    assertThat(coinbase.requests()).isEmpty();
  }

  private String open() {
    return provider
        .createCheckout(Checkouts.request(PaymentMethod.CRYPTO))
        .block()
        .providerSessionId();
  }

  private ProviderEvent verify(SignedWebhook webhook) {
    return provider.verifyWebhook(webhook.body(), webhook.headers()).block();
  }
}
