package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway (role {@code all}) tuned for watching its worker: one case at a time per free
 * account, a short wait for cases over that share, callbacks allowed to this machine and retried
 * after a second. Subclasses share the context.
 */
@TestPropertySource(
    properties = {
      "fmugw.experiments.cases-running.free=1",
      "fmugw.experiments.share-wait=200ms",
      "fmugw.experiments.polling-interval=200ms",
      "fmugw.experiments.callbacks.allowed-hosts=127.0.0.1",
      "fmugw.experiments.callbacks.first-retry=1s",
      "fmugw.experiments.callbacks.attempts=3",
      "fmugw.metrics.token=" + AbstractExperimentWorkerIT.SCRAPE_TOKEN
    })
abstract class AbstractExperimentWorkerIT extends AbstractGatewayIT {

  /**
   * A database of its own: on the others' database, the job engines of the other cached gateways
   * (other settings: two cases at a time, no callbacks to this machine) would take its cases and
   * callbacks too.
   */
  private static final DatabaseEndpoint OWN_DATABASE = TestDatabase.freshDatabase();

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    registry.add("fmugw.test.database-url", () -> TestDatabase.url(OWN_DATABASE));
  }

  static final String SCRAPE_TOKEN = "scrape-token-of-the-experiment-its";

  /** This node's metrics, as a scraper with the token reads them. */
  String metrics() {
    return client
        .get()
        .uri("/metrics")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  static String sweep(int samples, String callbackUrl) {
    return "{\"fmu_id\": \"lib:BouncingBall\", \"stop_time\": 1, \"step\": 0.01,"
        + " \"kpis\": [\"h_max\"],"
        + (callbackUrl == null ? "" : " \"callback_url\": \"" + callbackUrl + "\",")
        + " \"sweep\": {\"method\": \"latin_hypercube\", \"samples\": "
        + samples
        + ", \"seed\": 42, \"parameters\": {\"e\": {\"uniform\": {\"min\": 0.5, \"max\": 0.9}}}}}";
  }

  /** A brand-new free account. */
  Customer customer() {
    String key = TestKeys.issue(client).get("key");
    return new Customer(
        client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build());
  }

  static void await(String what, BooleanSupplier done) {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  record Customer(WebTestClient client) {

    Map<?, ?> get(String path) {
      return client
          .get()
          .uri(path)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(Map.class)
          .returnResult()
          .getResponseBody();
    }

    String start(String body) {
      return (String)
          client
              .post()
              .uri("/experiments")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(body)
              .exchange()
              .expectStatus()
              .isAccepted()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody()
              .get("experiment_id");
    }

    Map<?, ?> awaitEnd(String id) {
      Map<?, ?>[] last = new Map<?, ?>[1];
      await(
          "experiment " + id + " to end",
          () -> (last[0] = get("/experiments/" + id)).get("finished_at") != null);
      return last[0];
    }
  }
}
