package com.fmugateway.adapter.in.http.health;

import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.health.model.ComponentHealth;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /health} says when the run pool is full; {@code /health/ready} turns such a gateway away.
 */
@HttpSliceTest
class HealthTest {

  private static final Map<String, String> FULL =
      Map.of("busy", "4", "slots", "4", "queued", "3", "saturated", "true");

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @AfterEach
  void freeTheWorkers() {
    gateway.workers.set(ComponentHealth.up("workers", Map.of()));
  }

  @Test
  void everyComponentUp_healthAndReady_answer200Up() {
    for (String path : new String[] {"/health", "/health/ready"}) {
      client
          .get()
          .uri(path)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP")
          .jsonPath("$.workers.status")
          .isEqualTo("UP");
    }
  }

  @Test
  void everySimulationSlotBusy_health_saysDegradedWithTheCounts_andStays200() {
    gateway.workers.set(ComponentHealth.degraded("workers", FULL));

    client
        .get()
        .uri("/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("DEGRADED")
        .jsonPath("$.workers.status")
        .isEqualTo("DEGRADED")
        .jsonPath("$.workers.busy")
        .isEqualTo("4")
        .jsonPath("$.workers.slots")
        .isEqualTo("4")
        .jsonPath("$.workers.queued")
        .isEqualTo("3");
  }

  @Test
  void everySimulationSlotBusy_ready_answers503_untilASlotFrees() {
    gateway.workers.set(ComponentHealth.degraded("workers", FULL));

    client
        .get()
        .uri("/health/ready")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("DEGRADED");

    gateway.workers.set(ComponentHealth.up("workers", Map.of("busy", "3", "slots", "4")));

    client.get().uri("/health/ready").exchange().expectStatus().isOk();
  }

  @Test
  void aComponentDown_bothAnswer503() {
    gateway.workers.set(ComponentHealth.down("workers", "cannot start workers"));

    client.get().uri("/health").exchange().expectStatus().isEqualTo(503);
    client.get().uri("/health/ready").exchange().expectStatus().isEqualTo(503);
  }
}
