package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

/**
 * The zero-configuration path: embedded PostgreSQL and a generated secret, across a restart; a
 * second gateway on the same data is refused in one sentence.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

  @TempDir Path dataDir;

  @Test
  void keyMadeBeforeARestartStillWorksAfterIt(CapturedOutput output) {
    Map<String, String> settings = Map.of("fmugw.data-dir", dataDir.toString());
    String key;
    try (RunningGateway gateway = RunningGateway.start(settings)) {
      key = TestKeys.issue(gateway.client()).get("key");

      int before = output.getAll().length();
      assertThatThrownBy(() -> RunningGateway.start(settings).close())
          .hasStackTraceContaining("in use by another running gateway");
      String secondStart = output.getAll().substring(before);
      assertThat(secondStart)
          .contains(
              "The gateway refused to start: the embedded database in "
                  + dataDir.resolve("postgres")
                  + " is in use by another running gateway")
          .doesNotContain("\tat org.springframework")
          .doesNotContain("UnsatisfiedDependencyException");
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
