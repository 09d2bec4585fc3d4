package com.fmugateway.adapter.out.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.fake.WebhookRecorder;
import com.fmugateway.adapter.out.payments.fake.WebhookRecorder.Delivery;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.model.payment.CheckoutRequest;
import com.fmugateway.domain.model.payment.PaymentMethod;
import com.fmugateway.domain.model.payment.ProviderCheckout;
import com.fmugateway.domain.model.payment.ProviderEvent;
import com.fmugateway.domain.model.payment.ProviderId;
import com.fmugateway.domain.model.payment.ProviderPaymentStatus;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

class SandboxPaymentProviderIT {

  private static final URI PUBLIC = URI.create("http://gateway.test:8080");
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final MutableClock clock = MutableClock.atEpochDay();
  private final WebhookRecorder gateway = new WebhookRecorder();
  private final SandboxSettings settings =
      new SandboxSettings(
          () -> PUBLIC,
          gateway::baseUrl,
          "sandbox-secret",
          Duration.ofMinutes(60),
          3,
          Duration.ofMillis(10));
  private final SandboxPaymentProvider provider = new SandboxPaymentProvider(settings, clock);
  private final WebTestClient browser =
      WebTestClient.bindToRouterFunction(new SandboxCheckoutRoutes(provider).routes()).build();

  @AfterEach
  void close() {
    provider.close();
    gateway.close();
  }

  @Test
  void createCheckout_sendsTheCustomerToTheSandboxsOwnPageForAnHour() {
    ProviderCheckout checkout =
        provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block();

    assertThat(checkout.provider()).isEqualTo(ProviderId.SANDBOX);
    assertThat(checkout.checkoutUrl())
        .isEqualTo("http://gateway.test:8080/sandbox/checkout/" + checkout.providerSessionId());
    assertThat(checkout.expiresAt()).isEqualTo(clock.now().plus(Duration.ofMinutes(60)));
  }

  @Test
  void bothCardAndCrypto_canBePaidInTheSandbox() {
    assertThat(provider.methods())
        .containsExactlyInAnyOrder(PaymentMethod.CARD, PaymentMethod.CRYPTO);
    StepVerifier.create(provider.createCheckout(Checkouts.request(PaymentMethod.CRYPTO)))
        .expectNextCount(1)
        .verifyComplete();
  }

  @Test
  void theSameIdempotencyKey_returnsTheSameCheckout() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);

    assertThat(provider.createCheckout(request).block())
        .isEqualTo(provider.createCheckout(request).block());
  }

  @Test
  void theCheckoutPage_showsAmountDescriptionAndBothButtons() {
    String id = open(Checkouts.request(PaymentMethod.CARD));

    String page = get("/sandbox/checkout/" + id, HttpStatus.OK);

    assertThat(page)
        .contains("8.00 USD")
        .contains("10 simulation credits")
        .contains("action=\"" + id + "/pay\"")
        .contains("action=\"" + id + "/cancel\"")
        .doesNotContain("http://", "https://");
  }

  @Test
  void aDescriptionWithMarkup_isShownAsText() {
    CheckoutRequest plain = Checkouts.request(PaymentMethod.CARD);
    CheckoutRequest hostile =
        new CheckoutRequest(
            plain.reference(),
            plain.account(),
            plain.amount(),
            "<script>alert(1)</script>",
            plain.method(),
            plain.successUrl(),
            plain.cancelUrl(),
            plain.idempotencyKey());

    String page = get("/sandbox/checkout/" + open(hostile), HttpStatus.OK);

    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  @Test
  void paying_redirectsToTheSuccessUrlAfterASignedWebhookReachedTheGateway() throws Exception {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = open(request);

    post("/sandbox/checkout/" + id + "/pay")
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location(request.successUrl());

    Delivery delivery = gateway.next(WAIT);
    assertThat(delivery.path()).isEqualTo("/webhooks/sandbox");
    assertThat(delivery.webhook().headers()).containsKey("sandbox-signature");
    ProviderEvent event = verify(delivery);
    assertThat(event.provider()).isEqualTo(ProviderId.SANDBOX);
    assertThat(event.type()).isEqualTo("checkout.paid");
    assertThat(event.eventId()).startsWith("evt_");
    assertThat(event.providerSessionId()).isEqualTo(id);
    assertThat(event.reference()).contains(request.reference());
    assertThat(event.status()).isEqualTo(ProviderPaymentStatus.PAID);
    assertThat(event.occurredAt()).isEqualTo(clock.now());
    StepVerifier.create(provider.status(id))
        .expectNext(ProviderPaymentStatus.PAID)
        .verifyComplete();
  }

  @Test
  void payingTwice_sendsOneWebhook() throws Exception {
    String id = open(Checkouts.request(PaymentMethod.CARD));
    post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();
    gateway.next(WAIT);

    post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();

    assertThat(gateway.pending()).isZero();
  }

  @Test
  void aGatewayAnswering5xx_getsTheWebhookAgainUntilItAccepts() throws Exception {
    String id = open(Checkouts.request(PaymentMethod.CARD));
    gateway.failNext(2);

    post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();

    assertThat(gateway.next(WAIT).answered()).isEqualTo(503);
    assertThat(gateway.next(WAIT).answered()).isEqualTo(503);
    Delivery accepted = gateway.next(WAIT);
    assertThat(accepted.answered()).isEqualTo(200);
    assertThat(verify(accepted).status()).isEqualTo(ProviderPaymentStatus.PAID);
  }

  @Test
  void aGatewayThatNeverAccepts_stillSeesThePaymentThroughStatus() throws Exception {
    String id = open(Checkouts.request(PaymentMethod.CARD));
    gateway.failNext(100);

    post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();

    assertThat(gateway.pending()).isEqualTo(3);
    StepVerifier.create(provider.status(id))
        .expectNext(ProviderPaymentStatus.PAID)
        .verifyComplete();
  }

  @Test
  void cancelling_redirectsToTheCancelUrlAndLeavesTheCheckoutOpen() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = open(request);

    post("/sandbox/checkout/" + id + "/cancel")
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location(request.cancelUrl());

    assertThat(gateway.pending()).isZero();
    StepVerifier.create(provider.status(id))
        .expectNext(ProviderPaymentStatus.PENDING)
        .verifyComplete();
  }

  @Test
  void aCheckoutPastItsHour_canNoLongerBePaidAndTheGatewayIsToldItExpired() throws Exception {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = open(request);
    clock.advance(Duration.ofMinutes(61));

    get("/sandbox/checkout/" + id, HttpStatus.GONE);
    post("/sandbox/checkout/" + id + "/pay").expectStatus().isEqualTo(HttpStatus.GONE);
    provider.expireDue().block();

    ProviderEvent event = verify(gateway.next(WAIT));
    assertThat(event.type()).isEqualTo("checkout.expired");
    assertThat(event.status()).isEqualTo(ProviderPaymentStatus.EXPIRED);
    assertThat(event.reference()).contains(request.reference());
    StepVerifier.create(provider.status(id))
        .expectNext(ProviderPaymentStatus.EXPIRED)
        .verifyComplete();
  }

  @Test
  void aPaidCheckout_isNotExpiredLater() {
    String id = open(Checkouts.request(PaymentMethod.CARD));
    post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();
    clock.advance(Duration.ofMinutes(61));

    provider.expireDue().block();

    assertThat(gateway.pending()).isEqualTo(1);
    StepVerifier.create(provider.status(id))
        .expectNext(ProviderPaymentStatus.PAID)
        .verifyComplete();
  }

  @Test
  void aCheckoutForgottenByARestart_isPendingUntilItsExpiryThenExpired() {
    String id = open(Checkouts.request(PaymentMethod.CARD));
    SandboxPaymentProvider restarted = new SandboxPaymentProvider(settings, clock);

    StepVerifier.create(restarted.status(id))
        .expectNext(ProviderPaymentStatus.PENDING)
        .verifyComplete();
    clock.advance(Duration.ofMinutes(60));
    StepVerifier.create(restarted.status(id))
        .expectNext(ProviderPaymentStatus.EXPIRED)
        .verifyComplete();
  }

  @Test
  void theStatusOfSomethingThatIsNoSandboxId_isAnError() {
    StepVerifier.create(provider.status("cs_test_123"))
        .expectError(IllegalArgumentException.class)
        .verify();
  }

  @Test
  void anUnknownCheckout_isNotFound() {
    get("/sandbox/checkout/sbx_1_0123456789abcdef", HttpStatus.NOT_FOUND);
    post("/sandbox/checkout/sbx_1_0123456789abcdef/pay").expectStatus().isNotFound();
  }

  @Test
  void aSuccessUrlAskingForTheSessionId_getsIt() {
    CheckoutRequest plain = Checkouts.request(PaymentMethod.CARD);
    CheckoutRequest request =
        new CheckoutRequest(
            plain.reference(),
            plain.account(),
            plain.amount(),
            plain.description(),
            plain.method(),
            "http://localhost:8080/done?session={CHECKOUT_SESSION_ID}",
            plain.cancelUrl(),
            plain.idempotencyKey());
    String id = open(request);

    post("/sandbox/checkout/" + id + "/pay")
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location("http://localhost:8080/done?session=" + id);
  }

  @Test
  void aPublicBaseUrlWithAPath_keepsIt() {
    SandboxPaymentProvider proxied =
        new SandboxPaymentProvider(
            SandboxSettings.of(() -> URI.create("https://example.org/fmu/"), gateway::baseUrl, "s"),
            clock);

    ProviderCheckout checkout =
        proxied.createCheckout(Checkouts.request(PaymentMethod.CARD)).block();

    assertThat(checkout.checkoutUrl())
        .isEqualTo("https://example.org/fmu/sandbox/checkout/" + checkout.providerSessionId());
  }

  private String open(CheckoutRequest request) {
    return provider.createCheckout(request).block().providerSessionId();
  }

  private String get(String path, HttpStatus status) {
    return browser
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private WebTestClient.ResponseSpec post(String path) {
    return browser.post().uri(path).exchange();
  }

  private ProviderEvent verify(Delivery delivery) {
    return provider.verifyWebhook(delivery.webhook().body(), delivery.webhook().headers()).block();
  }
}
