package com.fmugateway.bootstrap;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test helper: get a fresh API key, or a new password account, the way a client does. */
final class TestKeys {

  /** A fixed server secret (base64, as configured) for tests that share one database. */
  static final String SECRET = "dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtMDEyMzQ1Njc4OQ==";

  private TestKeys() {}

  /**
   * Signs up {@code email} with {@code password} (201): the answer, with the account's first key.
   */
  static Map<String, String> signUp(WebTestClient client, String email, String password) {
    return created(
        client
            .post()
            .uri("/signup")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password)));
  }

  static Map<String, String> issue(WebTestClient client) {
    return created(client.post().uri("/keys"));
  }

  /** The answer's body, which must come with 201. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> created(WebTestClient.RequestHeadersSpec<?> request) {
    return request
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CREATED)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
