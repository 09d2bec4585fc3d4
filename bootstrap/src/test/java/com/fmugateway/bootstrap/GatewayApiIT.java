package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The foundation as a client meets it: over real HTTP, on a real PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayApiIT extends AbstractGatewayIT {

  @Test
  void newKey_opensTheApi() {
    Map<String, String> issued = TestKeys.issue(client);

    assertThat(issued.get("key")).startsWith("fmugw_");
    client
        .get()
        .uri("/account")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("key"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(issued.get("account_id"))
        .jsonPath("$.created_at")
        .exists();
  }

  @Test
  void missingKey_is401ProblemThatSaysHowToAuthenticate() {
    client
        .get()
        .uri("/account")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("Authorization: Bearer"));
  }

  @Test
  void wrongKey_is401Problem() {
    client
        .get()
        .uri("/account")
        .header(HttpHeaders.AUTHORIZATION, "Bearer fmugw_not-a-real-key")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The API key is unknown or revoked.");
  }

  @Test
  void health_reportsTheDatabaseUpWithoutAKey() {
    client
        .get()
        .uri("/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.database.status")
        .isEqualTo("UP")
        .jsonPath("$.database.version")
        .value(v -> assertThat((String) v).startsWith("1"));
  }

  @Test
  void apiDocs_areOpenApi31AndDescribeTheKeysEndpoint() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .value(v -> assertThat((String) v).startsWith("3.1"))
        .jsonPath("$.paths['/keys'].post")
        .exists();
  }

  @Test
  void docs_serveSwaggerUiFromTheGatewayItself() {
    String page =
        client
            .get()
            .uri("/docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("swagger-ui-bundle.js");
    client.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
  }

  @Test
  void unknownRoute_is404Problem() {
    String key = TestKeys.issue(client).get("key");

    client
        .get()
        .uri("/no-such-thing")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.instance")
        .isEqualTo("/no-such-thing");
  }

  @Test
  void landingPage_isServedOnTheSamePort() {
    client
        .get()
        .uri("/")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Run FMI simulations over HTTP"));
  }

  @Test
  void keys_areNeitherStoredNorLoggedInPlaintext(CapturedOutput output) throws Exception {
    String key = TestKeys.issue(client).get("key");
    client
        .get()
        .uri("/account")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .exchange()
        .expectStatus()
        .isOk();

    List<String> cells = new ArrayList<>();
    try (var c =
            DriverManager.getConnection(
                DATABASE.jdbcUrl(), DATABASE.username(), DATABASE.password());
        var rs = c.createStatement().executeQuery("SELECT * FROM api_keys")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          cells.add(String.valueOf(rs.getString(i)));
        }
      }
    }
    assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains(key));
    assertThat(output.getAll()).doesNotContain(key).doesNotContain("security password");
  }
}
