package com.fmugateway.bootstrap;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A node in role {@code worker} answers its health and nothing else. */
@TestPropertySource(properties = {"fmugw.role=worker", "fmugw.node-name=worker-it"})
class WorkerRoleIT extends AbstractGatewayIT {

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
        .isEqualTo("this node is a worker: it serves only /health");
  }
}
