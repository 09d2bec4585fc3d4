package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Too many requests get 429 with Retry-After: key issuance per address, and runs per account by
 * tier, counted together whichever key or the portal starts them. Keys per account are capped.
 */
class RateLimitIT {

  private static final String PASSWORD = "limits 2026 apply";

  @TempDir Path dataDir;

  @Test
  void runsPerAccountCountEveryKeyAndThePortal_keysPerAccountAreCapped_keysPerAddressToo() {
    Map<String, String> settings =
        Map.of(
            "fmugw.database.url",
            TestDatabase.url(TestDatabase.freshDatabase()),
            "fmugw.data-dir",
            dataDir.toString(),
            "fmugw.billing.anonymous-per-minute",
            "3",
            "fmugw.billing.tiers.free.runs-per-minute",
            "3",
            // An hour-long window: no window boundary can fall between this test's requests.
            "fmugw.billing.rate-window",
            "1h");
    try (RunningGateway gateway = RunningGateway.start(settings)) {
      WebTestClient client = gateway.client();
      String key = TestKeys.signUp(client, "rita@example.com", PASSWORD).get("key");
      WebTestClient customer = bearer(client, key);
      WebTestClient second = bearer(client, newKey(customer));
      PortalSession portal = PortalSession.logIn(client, "rita@example.com", PASSWORD);

      run(customer).expectStatus().isOk();
      run(second).expectStatus().isOk();
      assertThat(portalRun(portal).getStatus().value()).isEqualTo(200);

      run(customer)
          .expectStatus()
          .isEqualTo(429)
          .expectHeader()
          .value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(1, 3600))
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
      run(bearer(client, newKey(customer))).expectStatus().isEqualTo(429);
      assertThat(portalRun(portal).getStatus().value()).isEqualTo(429);

      // Three keys so far; ten may be active at once, the eleventh is refused naming the limit.
      for (int i = 3; i < 10; i++) {
        newKey(customer);
      }
      customer
          .post()
          .uri("/account/keys")
          .exchange()
          .expectStatus()
          .isEqualTo(409)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.limit")
          .isEqualTo("active_api_keys");

      // Sign-up opened no key through POST /keys; the address may open three accounts this minute.
      client.post().uri("/keys").exchange().expectStatus().isCreated();
      client.post().uri("/keys").exchange().expectStatus().isCreated();
      client.post().uri("/keys").exchange().expectStatus().isCreated();
      client
          .post()
          .uri("/keys")
          .exchange()
          .expectStatus()
          .isEqualTo(429)
          .expectHeader()
          .exists(HttpHeaders.RETRY_AFTER);
    }
  }

  private static WebTestClient bearer(WebTestClient client, String key) {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
  }

  private static String newKey(WebTestClient customer) {
    return (String)
        customer
            .post()
            .uri("/account/keys")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("key");
  }

  private static EntityExchangeResult<String> portalRun(PortalSession portal) {
    return portal.post(
        "/portal/run",
        portal.page("/portal/run"),
        "fmuId",
        "lib:BouncingBall",
        "stopTime",
        "1",
        "step",
        "0.1",
        "fmuInterface",
        "auto",
        "startValues",
        "",
        "outputs",
        "");
  }

  private static WebTestClient.ResponseSpec run(WebTestClient customer) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":1.0,\"step\":0.1}")
        .exchange();
  }
}
