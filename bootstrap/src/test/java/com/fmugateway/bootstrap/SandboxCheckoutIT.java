package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as it starts with no payment keys and no public URL: the sandbox provider's checkout
 * page, its Pay button, and the way back, all on the port the gateway actually listens on.
 */
class SandboxCheckoutIT extends AbstractGatewayIT {

  @Test
  void payingOnTheSandboxPage_returnsTheCustomerToThisGatewayAndGivesAToken() {
    WebTestClient alice = newCustomer();
    String gateway = "http://localhost:" + port + "/";
    Map<?, ?> checkout =
        alice
            .post()
            .uri("/pay")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"fmu_id\":\"msl:BouncingBall\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String sessionId = (String) checkout.get("session_id");
    String page = (String) checkout.get("checkout_url");
    assertThat(page).startsWith(gateway + "sandbox/checkout/");
    client.get().uri(URI.create(page)).exchange().expectStatus().isOk();

    client
        .post()
        .uri(URI.create(page + "/pay"))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader()
        .location(gateway + "portal/checkout/" + sessionId);

    // The sandbox's webhook reaches the gateway on its own, moments later.
    Awaitility.await()
        .untilAsserted(
            () ->
                alice
                    .get()
                    .uri("/payments/checkout/" + sessionId)
                    .exchange()
                    .expectStatus()
                    .isOk());

    // The page the browser was sent back to says so, and what to send next (no log-in needed).
    String token =
        (String)
            alice
                .get()
                .uri("/payments/checkout/" + sessionId)
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("payment_token");
    String returned =
        client
            .get()
            .uri(URI.create(gateway + "portal/checkout/" + sessionId))
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(returned).contains("Payment received").contains(token);
  }
}
