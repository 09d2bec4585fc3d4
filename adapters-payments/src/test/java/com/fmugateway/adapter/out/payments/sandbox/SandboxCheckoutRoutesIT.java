package com.fmugateway.adapter.out.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.fake.WebhookRecorder.Delivery;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.test.StepVerifier;

/** The sandbox's checkout page as a customer uses it, and the webhooks its buttons send. */
class SandboxCheckoutRoutesIT {

  private final SandboxHarness sandbox = new SandboxHarness();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void theCheckoutPage_showsAmountDescriptionAndBothButtons() {
    String id = sandbox.open(Checkouts.request(PaymentMethod.CARD));

    String page = sandbox.get("/sandbox/checkout/" + id, HttpStatus.OK);

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

    String page = sandbox.get("/sandbox/checkout/" + sandbox.open(hostile), HttpStatus.OK);

    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  @Test
  void paying_redirectsToTheSuccessUrlAfterASignedWebhookReachedTheGateway() throws Exception {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = sandbox.open(request);

    sandbox
        .post("/sandbox/checkout/" + id + "/pay")
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location(request.successUrl());

    Delivery delivery = sandbox.gateway.next(SandboxHarness.WAIT);
    assertThat(delivery.path()).isEqualTo("/webhooks/sandbox");
    assertThat(delivery.webhook().headers()).containsKey("sandbox-signature");
    ProviderEvent event = sandbox.verify(delivery);
    assertThat(event.provider()).isEqualTo(ProviderId.SANDBOX);
    assertThat(event.type()).isEqualTo("checkout.paid");
    assertThat(event.eventId()).startsWith("evt_");
    assertThat(event.providerSessionId()).isEqualTo(id);
    assertThat(event.reference()).contains(request.reference());
    assertThat(event.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(event.occurredAt()).isEqualTo(sandbox.clock.now());
    StepVerifier.create(sandbox.provider.status(id))
        .expectNext(PaymentStatus.PAID)
        .verifyComplete();
  }

  @Test
  void payingTwice_sendsOneWebhook() throws Exception {
    String id = sandbox.open(Checkouts.request(PaymentMethod.CARD));
    sandbox.post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();
    sandbox.gateway.next(SandboxHarness.WAIT);

    sandbox.post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();

    assertThat(sandbox.gateway.pending()).isZero();
  }

  @Test
  void aGatewayAnswering5xx_getsTheWebhookAgainUntilItAccepts() throws Exception {
    String id = sandbox.open(Checkouts.request(PaymentMethod.CARD));
    sandbox.gateway.failNext(2);

    sandbox.post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();

    assertThat(sandbox.gateway.next(SandboxHarness.WAIT).answered()).isEqualTo(503);
    assertThat(sandbox.gateway.next(SandboxHarness.WAIT).answered()).isEqualTo(503);
    Delivery accepted = sandbox.gateway.next(SandboxHarness.WAIT);
    assertThat(accepted.answered()).isEqualTo(200);
    assertThat(sandbox.verify(accepted).status()).isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void aGatewayThatNeverAccepts_stillSeesThePaymentThroughStatus() throws Exception {
    String id = sandbox.open(Checkouts.request(PaymentMethod.CARD));
    sandbox.gateway.failNext(100);

    sandbox.post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();

    assertThat(sandbox.gateway.pending()).isEqualTo(3);
    StepVerifier.create(sandbox.provider.status(id))
        .expectNext(PaymentStatus.PAID)
        .verifyComplete();
  }

  @Test
  void cancelling_redirectsToTheCancelUrlAndLeavesTheCheckoutOpen() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = sandbox.open(request);

    sandbox
        .post("/sandbox/checkout/" + id + "/cancel")
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location(request.cancelUrl());

    assertThat(sandbox.gateway.pending()).isZero();
    StepVerifier.create(sandbox.provider.status(id))
        .expectNext(PaymentStatus.PENDING)
        .verifyComplete();
  }

  @Test
  void anUnknownCheckout_isNotFound() {
    sandbox.get("/sandbox/checkout/sbx_1_0123456789abcdef", HttpStatus.NOT_FOUND);
    sandbox.post("/sandbox/checkout/sbx_1_0123456789abcdef/pay").expectStatus().isNotFound();
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
    String id = sandbox.open(request);

    sandbox
        .post("/sandbox/checkout/" + id + "/pay")
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location("http://localhost:8080/done?session=" + id);
  }
}
