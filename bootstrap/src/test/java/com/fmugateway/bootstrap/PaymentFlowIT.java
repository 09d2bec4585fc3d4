package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The payment flow over HTTP, as an agent goes through it: 402 with a checkout, pay, poll for the
 * token, run with it; and everything that must not happen on the way.
 */
class PaymentFlowIT extends AbstractFakeProviderIT {

  @Test
  void a402_paid_thenTheTokenRunsOnceAndOnlyOnce() {
    Customer alice = customer();

    Map<String, Object> required =
        body(simulate(alice.client(), RUN).expectStatus().isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    assertThat(required)
        .containsKeys("checkout_url", "session_id", "next_step", "quote", "expires_at")
        .containsEntry("amount", 1.0)
        .containsEntry("amount_minor", 100)
        .containsEntry("currency", "usd")
        .containsEntry("methods", List.of("card", "crypto"))
        .containsEntry("payment_method", "card")
        .containsEntry("quote_credits", 10)
        .containsEntry("balance_credits", 0);
    String sessionId = (String) required.get("session_id");
    alice
        .client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("pending");

    pay(sessionId);
    String token = token(alice.client(), sessionId);
    assertThat(token(alice.client(), sessionId)).isEqualTo(token);

    simulate(alice.client(), withToken(token))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ok")
        .jsonPath("$.cost.paid_with")
        .isEqualTo("payment_token")
        .jsonPath("$.cost.session_id")
        .isEqualTo(sessionId)
        .jsonPath("$.cost.amount")
        .isEqualTo(1.0)
        .jsonPath("$.cost.credits")
        .isEqualTo(0);
    simulate(alice.client(), withToken(token)).expectStatus().isEqualTo(HttpStatus.GONE);
    alice
        .client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.GONE);
    assertThat(
            count(
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ?::uuid",
                alice.accountId()))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM payment_tokens WHERE session_id = ? AND state = 'CONSUMED'"
                    + " AND run_id IS NOT NULL",
                sessionId))
        .isEqualTo(1);
  }

  @Test
  void repeated402sForOneRequest_shareACheckoutAndAQuoteOpensNone() {
    Customer alice = customer();
    int opened = provider.requests().size();

    String first = checkoutOf402(alice);
    String again = checkoutOf402(alice);
    Map<String, Object> quote =
        body(
            simulate(alice.client(), RUN.replace("}", ",\"quote_only\":true}"))
                .expectStatus()
                .isEqualTo(402));
    alice
        .client()
        .post()
        .uri("/simulate?quote_only=true")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(RUN)
        .exchange()
        .expectStatus()
        .isEqualTo(402)
        .expectBody()
        .jsonPath("$.checkout_url")
        .doesNotExist();

    assertThat(again).isEqualTo(first);
    assertThat(quote).doesNotContainKeys("checkout_url", "session_id").containsKey("quote");
    assertThat(quote.get("next_step").toString()).startsWith("Quote only");
    assertThat(provider.requests()).hasSize(opened + 1);
  }

  @Test
  void twoRunsWithOneTokenAtOnce_oneRunsAndTheOtherIsGone() {
    Customer alice = customer();
    String sessionId = checkoutOf402(alice);
    pay(sessionId);
    String token = token(alice.client(), sessionId);

    List<Integer> statuses =
        Flux.range(0, 2)
            .flatMap(
                i ->
                    WebClient.create("http://localhost:" + port)
                        .post()
                        .uri("/simulate")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + alice.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(withToken(token))
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())))
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(statuses).containsExactlyInAnyOrder(200, 410);
  }

  @Test
  void payingUpFront_givesAToken() {
    Customer alice = customer();

    String request = "{\"fmu_id\":\"msl:BouncingBall\",\"payment_method\":\"crypto\"}";
    Map<String, Object> checkout = body(post(alice, "/pay", request).expectStatus().isCreated());
    post(alice, "/pay", request)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.session_id")
        .isEqualTo(checkout.get("session_id"))
        .jsonPath("$.reused")
        .isEqualTo(true);

    assertThat(checkout)
        .containsEntry("payment_method", "crypto")
        .containsEntry("purpose", "run")
        .containsEntry("amount", 1.0)
        .containsKeys("checkout_url", "next_step", "expires_at");
    pay((String) checkout.get("session_id"));
    simulate(alice.client(), withToken(token(alice.client(), (String) checkout.get("session_id"))))
        .expectStatus()
        .isOk();
  }

  @Test
  void aCreditPack_addsExactlyOnePurchaseHoweverOftenItsWebhookComes() {
    Customer alice = customer();
    alice
        .client()
        .get()
        .uri("/credits/packs")
        .exchange()
        .expectBody()
        .jsonPath("$[0].pack")
        .isEqualTo("10")
        .jsonPath("$[0].credits")
        .isEqualTo(100)
        .jsonPath("$[0].amount")
        .isEqualTo(8.0)
        .jsonPath("$[1].pack")
        .isEqualTo("50")
        .jsonPath("$[1].amount_minor")
        .isEqualTo(3500);

    Map<String, Object> checkout =
        body(post(alice, "/credits/checkout", "{\"pack\":\"10\"}").expectStatus().isCreated());
    String sessionId = (String) checkout.get("session_id");
    var paid = provider.pay(provider.providerSession(sessionId));
    deliver(paid).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("applied");
    deliver(paid).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("duplicate");
    deliver(provider.resend(paid)).expectStatus().isOk();

    assertThat(checkout).containsEntry("credits", 100).containsEntry("amount", 8.0);
    alice
        .client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.credits")
        .isEqualTo(100);
    alice
        .client()
        .get()
        .uri("/account")
        .exchange()
        .expectBody()
        .jsonPath("$.credits")
        .isEqualTo(100);
    assertThat(
            count(
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ?::uuid AND kind = 'PURCHASE'"
                    + " AND idempotency_key = ?",
                alice.accountId(),
                "purchase:" + sessionId))
        .isEqualTo(1);
    simulate(alice.client(), RUN)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cost.paid_with")
        .isEqualTo("credits");
  }

  @Test
  void anotherAccountsCheckoutAndToken_areNotFound() {
    Customer alice = customer();
    Customer bob = customer();
    String sessionId = checkoutOf402(alice);
    bob.client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isNotFound();
    pay(sessionId);
    String token = token(alice.client(), sessionId);

    bob.client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isNotFound();
    simulate(bob.client(), withToken(token)).expectStatus().isNotFound();
    simulate(bob.client(), withToken("pt_" + UUID.randomUUID())).expectStatus().isNotFound();
    readToTheEnd(simulate(alice.client(), withToken(token)).expectStatus().isOk());
  }

  @Test
  void aProviderThatIsDown_is503WithRetryAfterAndLeavesNothing() {
    Customer alice = customer();
    provider.failNextCreate();

    simulate(alice.client(), RUN)
        .expectStatus()
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader()
        .valueEquals(HttpHeaders.RETRY_AFTER, "30");

    assertThat(
            count(
                "SELECT COUNT(*) FROM payment_sessions WHERE account_id = ?::uuid",
                alice.accountId()))
        .isZero();
    simulate(alice.client(), RUN).expectStatus().isEqualTo(402);
    assertThat(
            count(
                "SELECT COUNT(*) FROM payment_sessions WHERE account_id = ?::uuid",
                alice.accountId()))
        .isEqualTo(1);
  }

  @Test
  void webhooks_needNoKeyButAValidSignature() {
    Customer alice = customer();
    String sessionId = checkoutOf402(alice);
    var paid = provider.pay(provider.providerSession(sessionId));

    deliver(paid.forged()).expectStatus().isBadRequest();
    deliver(provider.stale(paid)).expectStatus().isBadRequest();
    client.post().uri("/webhooks/paypal").bodyValue("{}").exchange().expectStatus().isNotFound();
    alice
        .client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isAccepted();

    deliver(paid).expectStatus().isOk();
    alice.client().get().uri("/payments/checkout/" + sessionId).exchange().expectStatus().isOk();
  }

  @Test
  void aCheckoutThatExpired_isGone() {
    Customer alice = customer();
    String sessionId = checkoutOf402(alice);

    deliver(provider.expire(provider.providerSession(sessionId))).expectStatus().isOk();

    alice
        .client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isEqualTo(410);
    assertThat(checkoutOf402(alice)).isNotEqualTo(sessionId);
  }
}
