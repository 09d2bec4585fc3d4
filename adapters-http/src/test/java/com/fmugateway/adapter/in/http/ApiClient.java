package com.fmugateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What a client of the API does in every slice test: get a key, send it, post JSON. */
public final class ApiClient {

  private final WebTestClient client;

  public ApiClient(WebTestClient client) {
    this.client = client;
  }

  /** A new account's first key, through {@code POST /keys} as a client gets one. */
  public String newKey() {
    Map<?, ?> body =
        client
            .post()
            .uri("/keys")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(body.get("key")).isInstanceOf(String.class);
    return (String) body.get("key");
  }

  public WebTestClient.ResponseSpec get(String key, String path) {
    return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
  }

  public WebTestClient.ResponseSpec post(String key, String path, String json) {
    return client
        .post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }
}
