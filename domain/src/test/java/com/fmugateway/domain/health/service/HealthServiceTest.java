package com.fmugateway.domain.health.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.model.HealthStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class HealthServiceTest {

  @Test
  void givenAllProbesUp_health_isUp() {
    var service =
        new HealthService(List.of(() -> Mono.just(ComponentHealth.up("database", Map.of()))));

    var health = service.health().block();

    assertThat(health.status()).isEqualTo(HealthStatus.UP);
    assertThat(health.components()).extracting(ComponentHealth::name).containsExactly("database");
  }

  @Test
  void givenOneProbeDown_health_isDownAndNamesTheComponent() {
    var service =
        new HealthService(
            List.of(
                () -> Mono.just(ComponentHealth.up("workers", Map.of())),
                () -> Mono.just(ComponentHealth.down("database", "connection refused"))));

    var health = service.health().block();

    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.components())
        .filteredOn(c -> c.status() == HealthStatus.DOWN)
        .extracting(ComponentHealth::name)
        .containsExactly("database");
  }

  @Test
  void givenTheWorkersAtCapacity_health_isDegraded_liveButNotReady() {
    var service =
        new HealthService(
            List.of(
                () -> Mono.just(ComponentHealth.up("database", Map.of())),
                () -> Mono.just(ComponentHealth.degraded("workers", Map.of("busy", "4")))));

    var health = service.health().block();

    assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(health.live()).isTrue();
    assertThat(health.ready()).isFalse();
  }

  @Test
  void givenOneProbeDegradedAndAnotherDown_health_isDown() {
    var service =
        new HealthService(
            List.of(
                () -> Mono.just(ComponentHealth.degraded("workers", Map.of())),
                () -> Mono.just(ComponentHealth.down("database", "connection refused"))));

    var health = service.health().block();

    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.live()).isFalse();
  }
}
