package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/** Two gateway processes' worth of state: everything lives in the one shared PostgreSQL. */
class SharedDatabaseIT {

  @TempDir Path firstDataDir;
  @TempDir Path secondDataDir;

  @Test
  void keyIssuedByOneGatewayWorksOnAnother() {
    String url = TestDatabase.url(TestDatabase.freshDatabase());
    try (RunningGateway first = RunningGateway.start(settings(url, firstDataDir));
        RunningGateway second = RunningGateway.start(settings(url, secondDataDir))) {
      Map<String, String> issued = TestKeys.issue(first.client());

      second
          .client()
          .get()
          .uri("/account")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("key"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.id")
          .isEqualTo(issued.get("account_id"));
    }
  }

  @Test
  void keyRevokedOnOneGatewayFailsOnItsNextRequestToAnother() {
    String url = TestDatabase.url(TestDatabase.freshDatabase());
    try (RunningGateway first = RunningGateway.start(settings(url, firstDataDir));
        RunningGateway second = RunningGateway.start(settings(url, secondDataDir))) {
      Map<String, String> issued = TestKeys.issue(first.client());
      String bearer = "Bearer " + issued.get("key");
      Map<?, ?> spare =
          first
              .client()
              .post()
              .uri("/account/keys")
              .header(HttpHeaders.AUTHORIZATION, bearer)
              .exchange()
              .expectStatus()
              .isCreated()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      second
          .client()
          .get()
          .uri("/account")
          .header(HttpHeaders.AUTHORIZATION, bearer)
          .exchange()
          .expectStatus()
          .isOk();

      first
          .client()
          .delete()
          .uri("/account/keys/" + issued.get("key_id"))
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + spare.get("key"))
          .exchange()
          .expectStatus()
          .isNoContent();

      second
          .client()
          .get()
          .uri("/account")
          .header(HttpHeaders.AUTHORIZATION, bearer)
          .exchange()
          .expectStatus()
          .isUnauthorized();
      first
          .client()
          .get()
          .uri("/account")
          .header(HttpHeaders.AUTHORIZATION, bearer)
          .exchange()
          .expectStatus()
          .isUnauthorized();
      second
          .client()
          .get()
          .uri("/account/keys")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + spare.get("key"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$[?(@.key_id=='" + issued.get("key_id") + "')].active")
          .isEqualTo(java.util.List.of(false));
    }
  }

  private static Map<String, String> settings(String databaseUrl, Path dataDir) {
    return Map.of(
        "fmugw.database.url",
        databaseUrl,
        "fmugw.api-key-secret",
        TestKeys.SECRET,
        "fmugw.data-dir",
        dataDir.toString());
  }
}
