package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import com.fmugateway.domain.checkout.model.Reconciliation;
import com.fmugateway.domain.checkout.port.in.ReconcilePaymentsUseCase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.JsonPathAssertions;

/**
 * Paying as a new customer does, over HTTP, through the real Stripe adapter (card) and the real
 * Coinbase Commerce adapter (crypto) against fakes of their APIs: the 402's checkout opens at the
 * provider, the customer pays on its page, its signed webhook reaches the gateway, and what was
 * bought is delivered once.
 */
class ProviderCheckoutIT extends AbstractRealProvidersIT {

  @Autowired ReconcilePaymentsUseCase reconciliation;

  @ParameterizedTest
  @MethodSource("rails")
  void aRunPaidAtTheProvider_givesATokenThatRunsOnceAndOnlyOnce(Rail rail) {
    Customer alice = customer();

    Map<String, Object> required =
        body(
            simulate(alice.client(), run(rail))
                .expectStatus()
                .isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    String sessionId = (String) required.get("session_id");
    String checkoutUrl = (String) required.get("checkout_url");
    assertThat(required)
        .containsEntry("payment_method", rail.method())
        .containsEntry("amount_minor", 100)
        .containsEntry("currency", "usd");
    assertThat(checkoutUrl).startsWith(rail.fake().baseUrl() + "/");
    Rail.Opened opened = rail.opened(sessionId);
    assertThat(opened.amountMinor()).isEqualTo(100);
    assertThat(opened.currency()).isEqualToIgnoringCase("usd");
    assertThat(opened.idempotencyKey()).isEqualTo("checkout:" + sessionId);
    String gateway = "http://localhost:" + port + "/";
    assertThat(opened.successUrl()).isEqualTo(gateway + "portal/checkout/" + sessionId);
    assertThat(opened.cancelUrl())
        .isEqualTo(gateway + "portal/checkout/" + sessionId + "?cancelled");
    checkout(alice, sessionId)
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("pending");

    String providerId = (String) open(checkoutUrl).get("id");
    assertThat(deliver(rail, rail.pay(providerId))).containsExactly(200);

    Map<String, Object> paid = body(checkout(alice, sessionId).expectStatus().isOk());
    assertThat((String) paid.get("payment_token")).startsWith("pt_");
    assertThat(paid).containsKey("expires_at");
    String token = (String) paid.get("payment_token");
    simulate(alice.client(), withToken(token))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.results.time.length()")
        .isEqualTo(11)
        .jsonPath("$.cost.paid_with")
        .isEqualTo("payment_token")
        .jsonPath("$.cost.session_id")
        .isEqualTo(sessionId);
    simulate(alice.client(), withToken(token))
        .expectStatus()
        .isEqualTo(HttpStatus.GONE)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @ParameterizedTest
  @MethodSource("rails")
  void aPaymentTheProviderHasNotConfirmed_staysPendingUntilItDoes(Rail rail) {
    Customer alice = customer();
    String sessionId = checkoutOf402(alice, rail);
    String providerId = providerId(alice, sessionId);

    assertThat(deliver(rail, rail.payUnconfirmed(providerId))).containsExactly(200);
    checkout(alice, sessionId).expectStatus().isAccepted();
    assertThat(deliver(rail, rail.confirm(providerId))).containsExactly(200);

    readToTheEnd(
        simulate(alice.client(), withToken(token(alice.client(), sessionId)))
            .expectStatus()
            .isOk());
  }

  @ParameterizedTest
  @MethodSource("rails")
  void aCreditPack_addsItsCreditsExactlyOnceThoughItsWebhookComesTwice(Rail rail) {
    Customer alice = customer();
    Map<String, Object> checkout =
        body(
            post(
                    alice,
                    "/credits/checkout",
                    "{\"pack\":\"10\",\"payment_method\":\"" + rail.method() + "\"}")
                .expectStatus()
                .isCreated());
    String sessionId = (String) checkout.get("session_id");
    assertThat(rail.opened(sessionId).amountMinor()).isEqualTo(800);
    String providerId = (String) open((String) checkout.get("checkout_url")).get("id");

    rail.fake().deliverTwice(true);
    try {
      assertThat(deliver(rail, rail.pay(providerId))).containsExactly(200, 200);
    } finally {
      rail.fake().deliverTwice(false);
    }

    checkout(alice, sessionId)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.credits")
        .isEqualTo(100);
    balance(alice).isEqualTo(100);
    simulate(alice.client(), run(rail))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cost.paid_with")
        .isEqualTo("credits");
    balance(alice).isEqualTo(90);
  }

  @ParameterizedTest
  @MethodSource("rails")
  void aForgedWebhook_isRefusedAndChangesNothing(Rail rail) {
    Customer alice = customer();
    String sessionId = checkoutOf402(alice, rail);
    SignedWebhook paid = rail.pay(providerId(alice, sessionId));

    assertThat(deliver(rail, rail.forge(paid))).containsExactly(400);
    assertThat(deliver(rail, paid.withBody(paid.bodyText() + " "))).containsExactly(400);
    checkout(alice, sessionId).expectStatus().isAccepted();

    // The forgeries used up nothing: the genuine delivery still counts.
    assertThat(deliver(rail, paid)).containsExactly(200);
    checkout(alice, sessionId).expectStatus().isOk();
  }

  @ParameterizedTest
  @MethodSource("rails")
  void aLostWebhook_isMadeUpForByReconciliationAskingTheProvider(Rail rail) {
    Customer alice = customer();
    String sessionId = checkoutOf402(alice, rail);
    String providerId = providerId(alice, sessionId);
    SignedWebhook lost = rail.pay(providerId);
    checkout(alice, sessionId).expectStatus().isAccepted();

    Reconciliation pass = reconciliation.reconcile().block(Duration.ofSeconds(60));

    assertThat(pass.settled()).isPositive();
    assertThat(rail.statusQueries(providerId)).isEqualTo(1);
    String token = token(alice.client(), sessionId);
    assertThat(deliver(rail, lost)).containsExactly(200);
    assertThat(token(alice.client(), sessionId)).isEqualTo(token);
    readToTheEnd(simulate(alice.client(), withToken(token)).expectStatus().isOk());
  }

  private String checkoutOf402(Customer customer, Rail rail) {
    return (String)
        body(simulate(customer.client(), run(rail))
                .expectStatus()
                .isEqualTo(HttpStatus.PAYMENT_REQUIRED))
            .get("session_id");
  }

  /** The provider's id of the checkout, from its page at the checkout URL. */
  private String providerId(Customer customer, String sessionId) {
    return (String)
        open((String) body(checkout(customer, sessionId)).get("checkout_url")).get("id");
  }

  private static JsonPathAssertions balance(Customer customer) {
    return customer
        .client()
        .get()
        .uri("/account")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.credits");
  }
}
