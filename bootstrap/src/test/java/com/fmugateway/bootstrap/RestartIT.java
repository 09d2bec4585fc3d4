package com.fmugateway.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/** The zero-configuration path: embedded PostgreSQL and a generated secret, across a restart. */
class RestartIT {

  @TempDir Path dataDir;

  @Test
  void keyMadeBeforeARestartStillWorksAfterIt() {
    Map<String, String> settings = Map.of("fmugw.data-dir", dataDir.toString());
    String key;
    try (RunningGateway gateway = RunningGateway.start(settings)) {
      key = TestKeys.issue(gateway.client()).get("key");
    }

    try (RunningGateway restarted = RunningGateway.start(settings)) {
      restarted
          .client()
          .get()
          .uri("/account")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
          .exchange()
          .expectStatus()
          .isOk();
      restarted
          .client()
          .get()
          .uri("/health")
          .exchange()
          .expectBody()
          .jsonPath("$.database.kind")
          .isEqualTo("embedded");
    }
  }
}
