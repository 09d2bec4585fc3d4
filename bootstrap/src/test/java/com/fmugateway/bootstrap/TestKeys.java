package com.fmugateway.bootstrap;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test helper: get a fresh API key the way a client does. */
final class TestKeys {

  /** A fixed server secret for tests that share one database between gateways. */
  static final String SECRET = "test-secret-test-secret-test-secret-0123456789";

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
