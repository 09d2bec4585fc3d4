package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A node in role {@code worker} answers its health and nothing else. */
@TestPropertySource(
    properties = {
      "fmugw.role=worker",
      "fmugw.node-name=worker-it",
      "fmugw.metrics.token=" + WorkerRoleIT.SCRAPE_TOKEN
    })
class WorkerRoleIT extends AbstractGatewayIT {

  static final String SCRAPE_TOKEN = "scrape-token-of-worker-it";

  @Test
  void aWorker_servesOnlyHealth() {
    client.get().uri("/health").exchange().expectStatus().isOk();
    client.post().uri("/keys").exchange().expectStatus().isNotFound();
    client.get().uri("/experiments").exchange().expectStatus().isNotFound();
    client
        .get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("this node is a worker: it serves only /health and /metrics");
  }

  @Test
  void aWorker_servesMetrics_toTheScrapeTokenOnly() {
    client.get().uri("/metrics").exchange().expectStatus().isUnauthorized();
    client
        .get()
        .uri("/metrics")
        .header("Authorization", "Bearer not-the-token")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    String metrics =
        client
            .get()
            .uri("/metrics")
            .header("Authorization", "Bearer " + SCRAPE_TOKEN)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics)
        .contains("fmugw_experiment_cases_running{node=\"worker-it\"} 0")
        .contains("fmugw_experiment_cases_ended_total{node=\"worker-it\",outcome=\"succeeded\"}");
  }
}
