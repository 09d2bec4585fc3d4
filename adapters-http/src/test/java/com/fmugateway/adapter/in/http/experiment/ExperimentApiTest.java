package com.fmugateway.adapter.in.http.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /experiments} in the web layer: snake_case in and out, 202 + Location, CSV, errors. */
@HttpSliceTest
class ExperimentApiTest {

  private static final String SWEEP =
      "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1, \"step\": 0.5,"
          + " \"kpis\": [\"real_out_max\"],"
          + " \"sweep\": {\"method\": \"full_factorial\","
          + " \"parameters\": {\"real_param\": {\"range\": {\"start\": 1, \"stop\": 3, \"num\": 3}}}}}";

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void aSweep_isAccepted_withLocation_thenItsCasesReadAsJsonAndCsv() {
    String key = keyWithCredits(100);

    var accepted =
        new ApiClient(client)
            .post(key, "/experiments", SWEEP)
            .expectStatus()
            .isAccepted()
            .expectHeader()
            .exists(HttpHeaders.LOCATION)
            .expectBody(Map.class)
            .returnResult();
    Map<?, ?> body = accepted.getResponseBody();
    String id = (String) body.get("experiment_id");
    assertThat(accepted.getResponseHeaders().getLocation()).hasToString("/experiments/" + id);
    assertThat(body.get("status")).isEqualTo("queued");
    assertThat(((Map<?, ?>) body.get("cases")).get("total")).isEqualTo(3);
    assertThat(((Map<?, ?>) body.get("quote")).get("credits")).isEqualTo(30);

    gateway.caseQueue.take(10).forEach(caseId -> gateway.runCase.run(caseId).block());

    new ApiClient(client)
        .get(key, "/experiments/" + id)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("succeeded")
        .jsonPath("$.cost.charged")
        .isEqualTo(30)
        .jsonPath("$.cost.held")
        .isEqualTo(0);
    new ApiClient(client)
        .get(key, "/experiments/" + id + "/cases?limit=2&offset=1")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(3)
        .jsonPath("$.items[0].index")
        .isEqualTo(1)
        .jsonPath("$.items[0].parameters.real_param")
        .isEqualTo(2.0)
        .jsonPath("$.items[0].node")
        .isEqualTo("node-test");
    String csv =
        client
            .get()
            .uri("/experiments/" + id + "/cases")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
            .accept(MediaType.parseMediaType("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv).startsWith("index,status,real_param,real_out_max,node,failure,cost\r\n");
    assertThat(csv.split("\r\n")).hasSize(4);
    new ApiClient(client)
        .get(key, "/experiments/" + id + "/cases/2")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ok")
        .jsonPath("$.results.time.length()")
        .isEqualTo(3);
  }

  @Test
  void anotherAccount_getsNotFound() {
    String key = keyWithCredits(100);
    String id =
        (String)
            new ApiClient(client)
                .post(key, "/experiments", SWEEP)
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("experiment_id");
    String other = keyWithCredits(0);

    new ApiClient(client).get(other, "/experiments/" + id).expectStatus().isNotFound();
    client
        .delete()
        .uri("/experiments/" + id)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + other)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void shortOfCredits_is402WithACheckout_andNothingIsQueued() {
    String key = keyWithCredits(20);
    int queued = gateway.caseQueue.size();

    new ApiClient(client)
        .post(key, "/experiments", SWEEP)
        .expectStatus()
        .isEqualTo(402)
        .expectBody()
        .jsonPath("$.quote_credits")
        .isEqualTo(30)
        .jsonPath("$.checkout_url")
        .exists();
    assertThat(gateway.caseQueue.size()).isEqualTo(queued);
  }

  @Test
  void aBadSweep_is400NamingTheField() {
    String key = keyWithCredits(100);

    new ApiClient(client)
        .post(key, "/experiments", SWEEP.replace("\"num\": 3", "\"num\": 0"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("sweep.parameters.real_param.range.num");
    new ApiClient(client)
        .post(key, "/experiments", SWEEP.replace("full_factorial", "grid"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("sweep.method");
  }

  @Test
  void simulateAsync_answers202WithTheOneCaseExperimentsLocation() {
    String key = keyWithCredits(100);

    new ApiClient(client)
        .post(
            key,
            "/simulate",
            "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1, \"step\": 0.5, \"async\": true}")
        .expectStatus()
        .isAccepted()
        .expectHeader()
        .valueMatches(HttpHeaders.LOCATION, "/experiments/[0-9a-f-]{36}")
        .expectBody()
        .jsonPath("$.cases.total")
        .isEqualTo(1);
  }

  private String keyWithCredits(long credits) {
    Map<?, ?> issued =
        client
            .post()
            .uri("/keys")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    AccountId account = new AccountId(UUID.fromString((String) issued.get("account_id")));
    if (credits > 0) {
      gateway
          .ledger
          .credit(
              account, EntryKind.PURCHASE, credits, LedgerKey.purchase("test-" + account), "test")
          .block();
    }
    return (String) issued.get("key");
  }
}
