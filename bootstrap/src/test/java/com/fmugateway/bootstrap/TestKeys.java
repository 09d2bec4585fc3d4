package com.fmugateway.bootstrap;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test helper: get a fresh API key the way a client does. */
final class TestKeys {

  /** A fixed server secret (base64, as configured) for tests that share one database. */
  static final String SECRET = "dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtMDEyMzQ1Njc4OQ==";

  private TestKeys() {}

  @SuppressWarnings("unchecked")
  static Map<String, String> issue(WebTestClient client) {
    return client
        .post()
        .uri("/keys")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CREATED)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
