package com.fmugateway.bootstrap;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An async run is a one-case experiment that runs in the background: polled as a customer would.
 */
final class AsyncRuns {

  private AsyncRuns() {}

  /** The experiment at {@code location} once it has ended. */
  static Map<?, ?> awaitEnd(WebTestClient customer, String location) {
    return Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(customer, location), experiment -> experiment.get("finished_at") != null);
  }

  /** The result of its one case, once the run has ended. */
  static Map<?, ?> awaitCase(WebTestClient customer, String location) {
    awaitEnd(customer, location);
    return get(customer, location + "/cases/0");
  }

  private static Map<?, ?> get(WebTestClient customer, String path) {
    return customer
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
