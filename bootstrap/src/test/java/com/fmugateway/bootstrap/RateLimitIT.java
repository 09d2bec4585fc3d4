package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Too many requests get 429 with Retry-After: key issuance per address, runs per key by tier. */
class RateLimitIT {

  @TempDir Path dataDir;

  @Test
  void runsPerKeyFollowTheTierAndKeyIssuancePerAddressIsCapped() {
    Map<String, String> settings =
        Map.of(
            "fmugw.database.url",
            TestDatabase.url(TestDatabase.freshDatabase()),
            "fmugw.data-dir",
            dataDir.toString(),
            "fmugw.billing.anonymous-per-minute",
            "3",
            "fmugw.billing.tiers.free.runs-per-minute",
            "2",
            // An hour-long window: no window boundary can fall between this test's requests.
            "fmugw.billing.rate-window",
            "1h");
    try (RunningGateway gateway = RunningGateway.start(settings)) {
      WebTestClient client = gateway.client();
      String key = TestKeys.issue(client).get("key");
      WebTestClient customer =
          client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();

      run(customer).expectStatus().isOk();
      run(customer).expectStatus().isOk();
      run(customer)
          .expectStatus()
          .isEqualTo(429)
          .expectHeader()
          .value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(1, 3600))
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);

      String secondKey =
          (String)
              customer
                  .post()
                  .uri("/account/keys")
                  .exchange()
                  .expectBody(Map.class)
                  .returnResult()
                  .getResponseBody()
                  .get("key");
      run(client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secondKey).build())
          .expectStatus()
          .isOk();

      // One key was issued above; the address may open two more accounts this minute.
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

  private static WebTestClient.ResponseSpec run(WebTestClient customer) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":1.0,\"step\":0.1}")
        .exchange();
  }
}
