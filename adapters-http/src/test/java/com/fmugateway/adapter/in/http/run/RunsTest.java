package com.fmugateway.adapter.in.http.run;

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
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /runs/{id}}: a run names its model and gives back the request it was asked with. */
@HttpSliceTest
class RunsTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void aRun_showsItsModelNameAndTheRequestToSendToRunItAgain() {
    ApiClient api = new ApiClient(client);
    String key = keyWithCredits();
    Map<?, ?> ran =
        api.post(
                key,
                "/simulate",
                "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1, \"step\": 0.5,"
                    + " \"start_values\": {\"real_param\": 2.5}, \"outputs\": [\"real_out\"],"
                    + " \"kpis\": [\"real_out_max\"], \"interface\": \"cs\"}")
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    api.get(key, "/runs/" + ran.get("run_id"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.model_name")
        .isEqualTo("AllTypes")
        .jsonPath("$.request.fmu_id")
        .isEqualTo("lib:AllTypes")
        .jsonPath("$.request.stop_time")
        .isEqualTo(1.0)
        .jsonPath("$.request.step")
        .isEqualTo(0.5)
        .jsonPath("$.request.start_values.real_param")
        .isEqualTo(2.5)
        .jsonPath("$.request.outputs[0]")
        .isEqualTo("real_out")
        .jsonPath("$.request.kpis[0]")
        .isEqualTo("real_out_max")
        .jsonPath("$.request.interface")
        .isEqualTo("cs")
        .jsonPath("$.request.start_time")
        .doesNotExist()
        .jsonPath("$.request.payment_token")
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
