package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.database.EmbeddedDatabase;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database goes away under a running gateway and comes back: meanwhile the API answers 503
 * problem+json with Retry-After and the portal its "temporarily unavailable" page (never a 500);
 * afterwards the same gateway serves again, without a restart. The database is a PostgreSQL of this
 * test's own, stopped and started on the same port and data directory.
 */
class DatabaseOutageIT {

  private static final String PASSWORD = "correct horse 42";

  @TempDir Path dataDir;
  @TempDir Path databaseDir;

  @Test
  void whileTheDatabaseIsDown_503WithRetryAfter_andOnceItIsBack_requestsSucceedAgain()
      throws IOException {
    int port = freePort();
    EmbeddedDatabase database = EmbeddedDatabase.start(databaseDir, port);
    try (RunningGateway gateway =
        RunningGateway.start(
            Map.of(
                "fmugw.data-dir", dataDir.toString(),
                "fmugw.database.url", TestDatabase.url(database.endpoint()),
                "fmugw.api-key-secret", TestKeys.SECRET))) {
      WebTestClient client = gateway.client();
      String email = "outage-" + System.nanoTime() + "@example.com";
      String key = TestKeys.signUp(client, email, PASSWORD).get("key");
      PortalSession portal = PortalSession.logIn(client, email, PASSWORD);
      account(client, key).expectStatus().isOk();

      database.close();

      account(client, key)
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .valueEquals(HttpHeaders.RETRY_AFTER, "5")
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).contains("temporarily unavailable"));
      EntityExchangeResult<String> page =
          portal.get("/portal", MediaType.TEXT_HTML).expectBody(String.class).returnResult();
      assertThat(page.getStatus().value()).isEqualTo(503);
      assertThat(page.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
      assertThat(page.getResponseBody()).contains("Temporarily unavailable");

      database = EmbeddedDatabase.start(databaseDir, port);

      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      int status = 0;
      while (status != 200 && Instant.now().isBefore(deadline)) {
        status = account(client, key).returnResult(String.class).getStatus().value();
        if (status != 200) {
          assertThat(status).as("while reconnecting").isEqualTo(503);
          LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
      }
      assertThat(status).as("the gateway serves again once the database is back").isEqualTo(200);
      portal.page("/portal");
    } finally {
      database.close();
    }
  }

  private static WebTestClient.ResponseSpec account(WebTestClient client, String key) {
    return client
        .get()
        .uri("/account")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .exchange();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
