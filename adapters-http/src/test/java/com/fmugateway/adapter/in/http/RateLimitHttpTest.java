package com.fmugateway.adapter.in.http;

import com.fmugateway.domain.fixtures.InMemoryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A key past its tier's runs per minute is refused with 429 and told when to come back. */
@HttpSliceTest
class RateLimitHttpTest {

  @Autowired WebTestClient client;

  @Test
  void pastTheTiersRunsPerMinute_simulateAnswers429WithRetryAfter() {
    ApiClient api = new ApiClient(client);
    String key = api.newKey();
    String run = "{\"fmu_id\": \"lib:AllTypes\", \"quote_only\": true}";
    for (int i = 0; i < InMemoryGateway.RUNS_PER_MINUTE; i++) {
      api.post(key, "/simulate", run).expectStatus().isEqualTo(402);
    }

    api.post(key, "/simulate", run)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(429)
        .jsonPath("$.retry_after")
        .exists();
    api.post(api.newKey(), "/simulate", run).expectStatus().isEqualTo(402);
  }
}
