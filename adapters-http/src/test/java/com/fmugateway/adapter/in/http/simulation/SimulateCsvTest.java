package com.fmugateway.adapter.in.http.simulation;

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

/** {@code POST /simulate} answers JSON by default and CSV when the client asks for it. */
@HttpSliceTest
class SimulateCsvTest {

  private static final String RUN =
      "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1, \"step\": 0.5, \"outputs\": [\"real_out\"]}";

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void acceptTextCsv_givesTimeThenOneColumnPerVariable() {
    String key = keyWithCredits();

    String csv =
        client
            .post()
            .uri("/simulate")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.parseMediaType("text/csv"))
            .bodyValue(RUN)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"simulation.csv\"")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(csv).startsWith("time,real_out\r\n");
    assertThat(csv.split("\r\n")).hasSize(4);
  }

  @Test
  void withoutAnAcceptHeader_theAnswerIsColumnarJson() {
    String key = keyWithCredits();

    new ApiClient(client)
        .post(key, "/simulate", RUN)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ok")
        .jsonPath("$.results.time.length()")
        .isEqualTo(3)
        .jsonPath("$.results.real_out")
        .exists()
        .jsonPath("$.cost.paid_with")
        .isEqualTo("credits");
  }

  @Test
  void nonFiniteSamples_areNullInJsonNamedInNonFinite_andSpeltTheSameWayInCsv() {
    String key = keyWithCredits();
    // Samples at t = 0, 0.5, 1: finite, then +Infinity, then NaN.
    gateway.simulator.produce(t -> t == 0 ? 0 : t == 0.5 ? 1 / 0.0 : Double.NaN);
    try {
      String run =
          "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1, \"step\": 0.5,"
              + " \"outputs\": [\"real_out\"], \"kpis\": [\"real_out_max\", \"real_out_final\"]}";
      new ApiClient(client)
          .post(key, "/simulate", run)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.results.real_out[0]")
          .isEqualTo(0.0)
          .jsonPath("$.results.real_out[1]")
          .isEmpty()
          .jsonPath("$.results.real_out[2]")
          .isEmpty()
          .jsonPath("$.results.real_out.length()")
          .isEqualTo(3)
          .jsonPath("$.non_finite.results.real_out['1']")
          .isEqualTo("Infinity")
          .jsonPath("$.non_finite.results.real_out['2']")
          .isEqualTo("NaN")
          .jsonPath("$.non_finite.kpis.real_out_final")
          .isEqualTo("NaN");

      String csv =
          client
              .post()
              .uri("/simulate")
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.parseMediaType("text/csv"))
              .bodyValue(run)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(csv.split("\r\n"))
          .containsExactly("time,real_out", "0.0,0.0", "0.5,Infinity", "1.0,NaN");
    } finally {
      gateway.simulator.produce(t -> t);
    }
  }

  @Test
  void finiteResults_haveNoNonFiniteMember() {
    new ApiClient(client)
        .post(keyWithCredits(), "/simulate", RUN)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.non_finite")
        .doesNotExist();
  }

  private String keyWithCredits() {
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
    gateway
        .ledger
        .credit(account, EntryKind.PURCHASE, 100, LedgerKey.purchase("test-" + account), "test")
        .block();
    return (String) issued.get("key");
  }
}
