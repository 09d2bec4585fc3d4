package com.fmugateway.adapter.out.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.test.StepVerifier;

class SandboxPaymentProviderIT {

  private final SandboxHarness sandbox = new SandboxHarness();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void createCheckout_sendsTheCustomerToTheSandboxsOwnPageForAnHour() {
    ProviderCheckout checkout =
        sandbox.provider.createCheckout(Checkouts.request(PaymentMethod.CARD)).block();

    assertThat(checkout.provider()).isEqualTo(ProviderId.SANDBOX);
    assertThat(checkout.checkoutUrl())
        .isEqualTo("http://gateway.test:8080/sandbox/checkout/" + checkout.providerSessionId());
    assertThat(checkout.expiresAt()).isEqualTo(sandbox.clock.now().plus(Duration.ofMinutes(60)));
  }

  @Test
  void bothCardAndCrypto_canBePaidInTheSandbox() {
    assertThat(sandbox.provider.methods())
        .containsExactlyInAnyOrder(PaymentMethod.CARD, PaymentMethod.CRYPTO);
    StepVerifier.create(sandbox.provider.createCheckout(Checkouts.request(PaymentMethod.CRYPTO)))
        .expectNextCount(1)
        .verifyComplete();
  }

  @Test
  void theSameIdempotencyKey_returnsTheSameCheckout() {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);

    assertThat(sandbox.provider.createCheckout(request).block())
        .isEqualTo(sandbox.provider.createCheckout(request).block());
  }

  @Test
  void aCheckoutPastItsHour_canNoLongerBePaidAndTheGatewayIsToldItExpired() throws Exception {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CARD);
    String id = sandbox.open(request);
    sandbox.clock.advance(Duration.ofMinutes(61));

    sandbox.get("/sandbox/checkout/" + id, HttpStatus.GONE);
    sandbox.post("/sandbox/checkout/" + id + "/pay").expectStatus().isEqualTo(HttpStatus.GONE);
    sandbox.provider.expireDue().block();

    ProviderEvent event = sandbox.verify(sandbox.gateway.next(SandboxHarness.WAIT));
    assertThat(event.type()).isEqualTo("checkout.expired");
    assertThat(event.status()).isEqualTo(PaymentStatus.EXPIRED);
    assertThat(event.reference()).contains(request.reference());
    StepVerifier.create(sandbox.provider.status(id))
        .expectNext(PaymentStatus.EXPIRED)
        .verifyComplete();
  }

  @Test
  void aPaidCheckout_isNotExpiredLater() {
    String id = sandbox.open(Checkouts.request(PaymentMethod.CARD));
    sandbox.post("/sandbox/checkout/" + id + "/pay").expectStatus().isSeeOther();
    sandbox.clock.advance(Duration.ofMinutes(61));

    sandbox.provider.expireDue().block();

    assertThat(sandbox.gateway.pending()).isEqualTo(1);
    StepVerifier.create(sandbox.provider.status(id))
        .expectNext(PaymentStatus.PAID)
        .verifyComplete();
  }

  @Test
  void aCheckoutForgottenByARestart_isPendingUntilItsExpiryThenExpired() {
    String id = sandbox.open(Checkouts.request(PaymentMethod.CARD));
    SandboxPaymentProvider restarted = new SandboxPaymentProvider(sandbox.settings, sandbox.clock);

    StepVerifier.create(restarted.status(id)).expectNext(PaymentStatus.PENDING).verifyComplete();
    sandbox.clock.advance(Duration.ofMinutes(60));
    StepVerifier.create(restarted.status(id)).expectNext(PaymentStatus.EXPIRED).verifyComplete();
  }

  @Test
  void theStatusOfSomethingThatIsNoSandboxId_isAnError() {
    StepVerifier.create(sandbox.provider.status("cs_test_123"))
        .expectError(IllegalArgumentException.class)
        .verify();
  }

  @Test
  void aPublicBaseUrlWithAPath_keepsIt() {
    SandboxPaymentProvider proxied =
        new SandboxPaymentProvider(
            SandboxSettings.of(
                () -> URI.create("https://example.org/fmu/"), sandbox.gateway::baseUrl, "s"),
            sandbox.clock);

    ProviderCheckout checkout =
        proxied.createCheckout(Checkouts.request(PaymentMethod.CARD)).block();

    assertThat(checkout.checkoutUrl())
        .isEqualTo("https://example.org/fmu/sandbox/checkout/" + checkout.providerSessionId());
  }
}
