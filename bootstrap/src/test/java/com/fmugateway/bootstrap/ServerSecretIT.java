package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.persistence.database.SecretCheck;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/**
 * A second gateway on the database of a first, zero-configuration one: given the first's generated
 * secret file as {@code FMUGW_API_KEY_SECRET}, it accepts the first's keys; given another secret,
 * it refuses to start.
 */
class ServerSecretIT {

  @TempDir Path firstDataDir;
  @TempDir Path secondDataDir;

  @Test
  void theGeneratedSecretFileCopiedIntoTheVariable_keepsKeysValid_anotherSecretRefusesToStart()
      throws Exception {
    String url = TestDatabase.url(TestDatabase.freshDatabase());
    Map<String, String> issued;
    try (RunningGateway first =
        RunningGateway.start(
            Map.of("fmugw.database.url", url, "fmugw.data-dir", firstDataDir.toString()))) {
      issued = TestKeys.issue(first.client());
    }
    String generated = Files.readString(firstDataDir.resolve("api-key-secret"));

    try (RunningGateway second = RunningGateway.start(settings(url, generated))) {
      second
          .client()
          .get()
          .uri("/account")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("key"))
          .exchange()
          .expectStatus()
          .isOk();
    }
    assertThatThrownBy(() -> RunningGateway.start(settings(url, TestKeys.SECRET)).close())
        .hasRootCauseInstanceOf(SecretCheck.SecretMismatchException.class);
  }

  private Map<String, String> settings(String url, String secret) {
    return Map.of(
        "fmugw.database.url",
        url,
        "fmugw.api-key-secret",
        secret,
        "fmugw.data-dir",
        secondDataDir.toString());
  }
}
