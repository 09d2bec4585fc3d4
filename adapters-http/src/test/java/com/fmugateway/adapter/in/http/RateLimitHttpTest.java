package com.fmugateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An account past its tier's runs per minute (whichever of its keys asks) is refused with 429 and
 * told when to come back; one past its API keys is refused with 409 naming the limit.
 */
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

  @Test
  void everyKeyOfAnAccount_drawsOnTheOneRunsPerMinuteBudget() {
    ApiClient api = new ApiClient(client);
    String key = api.newKey();
    String second = newKeyOf(api, key);
    String run = "{\"fmu_id\": \"lib:AllTypes\", \"quote_only\": true}";
    for (int i = 0; i < InMemoryGateway.RUNS_PER_MINUTE; i++) {
      api.post(i % 2 == 0 ? key : second, "/simulate", run).expectStatus().isEqualTo(402);
    }

    api.post(second, "/simulate", run).expectStatus().isEqualTo(429);
    api.post(newKeyOf(api, key), "/simulate", run).expectStatus().isEqualTo(429);
  }

  @Test
  void anAccountHoldingItsLimitOfActiveKeys_isRefusedTheNextWith409NamingTheLimit() {
    ApiClient api = new ApiClient(client);
    String key = api.newKey();
    String spare = null;
    for (int i = 1; i < InMemoryGateway.KEY_LIMITS.maxActive(); i++) {
      spare = (String) keyOf(api, key).get("key_id");
    }

    api.post(key, "/account/keys", "{}")
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.limit")
        .isEqualTo("active_api_keys")
        .jsonPath("$.max")
        .isEqualTo(InMemoryGateway.KEY_LIMITS.maxActive())
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("at most 10 active API keys"));

    client
        .delete()
        .uri("/account/keys/" + spare)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .exchange()
        .expectStatus()
        .isNoContent();
    api.post(key, "/account/keys", "{}").expectStatus().isCreated();
  }

  private static String newKeyOf(ApiClient api, String key) {
    return (String) keyOf(api, key).get("key");
  }

  private static Map<?, ?> keyOf(ApiClient api, String key) {
    return api.post(key, "/account/keys", "{}")
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
