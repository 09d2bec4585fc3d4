package com.fmugateway.adapter.in.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Which routes are open, which need a key, and which only an operator's key. */
@HttpSliceTest
class ApiSecurityTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void healthKeysAndApiDocs_needNoKey() {
    client.get().uri("/health").exchange().expectStatus().isOk();
    client.post().uri("/keys").exchange().expectStatus().isCreated();
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.info.title")
        .isEqualTo("FMU Gateway API");
    client.get().uri("/docs").exchange().expectStatus().isOk();
  }

  @Test
  void webhooks_needNoKey_theirSignatureIsCheckedInstead() {
    client
        .post()
        .uri("/webhooks/sandbox")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).startsWith("webhook refused"));
  }

  @Test
  void withoutAKey_theApiAnswers401WithAChallenge() {
    client
        .get()
        .uri("/account")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fmu-gateway\"")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("POST /keys"));
  }

  @Test
  void withAWrongKey_theApiAnswers401WithAChallenge() {
    new ApiClient(client)
        .get("fmugw_not-a-key", "/account")
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fmu-gateway\"")
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The API key is unknown or revoked.");
  }

  @Test
  void withAKey_aCustomerReadsTheirAccountAndRuns() {
    ApiClient api = new ApiClient(client);
    String key = api.newKey();

    api.get(key, "/account").expectStatus().isOk();
    api.get(key, "/runs").expectStatus().isOk();
    api.get(key, "/library").expectStatus().isOk().expectBody().jsonPath("$[0].id").exists();
  }

  @Test
  void operatorRoutes_refuseACustomerWith403() {
    ApiClient api = new ApiClient(client);
    String key = api.newKey();

    api.get(key, "/analytics")
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(403);
    api.get(key, "/admin/audit").expectStatus().isForbidden();
  }

  @Test
  void operatorRoutes_answerAnOperator() {
    ApiClient api = new ApiClient(client);
    String email = "ops-" + System.nanoTime() + "@example.com";
    Map<?, ?> signedUp =
        client
            .post()
            .uri("/signup")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", "correct horse 42"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    gateway.accounts.promoteToOperator(email).block();

    String key = (String) signedUp.get("key");
    api.get(key, "/analytics").expectStatus().isOk().expectBody().jsonPath("$.from").exists();
    api.get(key, "/admin/audit").expectStatus().isOk();
  }
}
