package com.fmugateway.adapter.in.http.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.adapter.in.http.experiment.parquet.DuckDbParquet;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /experiments/{id}/cases} as Parquet: the download, its headers, its doc, 404. */
@HttpSliceTest
class ParquetCasesApiTest {

  private static final MediaType PARQUET =
      MediaType.parseMediaType("application/vnd.apache.parquet");
  private static final String SWEEP =
      "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1, \"step\": 0.5,"
          + " \"kpis\": [\"real_out_max\"],"
          + " \"sweep\": {\"method\": \"full_factorial\","
          + " \"parameters\": {\"real_param\": {\"range\": {\"start\": 1, \"stop\": 3, \"num\": 3}}}}}";

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;
  @TempDir Path dir;

  @Test
  void aSweepsCases_downloadAsParquet_thatDuckDbReads() throws Exception {
    String key = keyWithCredits(100);
    gateway.caseQueue.take(Integer.MAX_VALUE); // cases other tests left queued
    String id = start(key);
    gateway.caseQueue.take(2).forEach(caseId -> gateway.runCase.run(caseId).block());

    var download =
        client
            .get()
            .uri("/experiments/" + id + "/cases")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
            .accept(PARQUET)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(PARQUET)
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.parquet\"")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    DuckDbParquet parquet = DuckDbParquet.of(dir, download);

    assertThat(parquet.types())
        .containsExactly(
            Map.entry("index", "INTEGER"),
            Map.entry("status", "VARCHAR"),
            Map.entry("real_param", "DOUBLE"),
            Map.entry("real_out_max", "DOUBLE"),
            Map.entry("node", "VARCHAR"),
            Map.entry("failure", "VARCHAR"),
            Map.entry("cost", "BIGINT"));
    List<Map<String, Object>> rows = parquet.rows();
    assertThat(rows).extracting(row -> row.get("index")).containsExactly(0, 1, 2);
    assertThat(rows).extracting(row -> row.get("real_param")).containsExactly(1.0, 2.0, 3.0);
    assertThat(rows)
        .extracting(row -> row.get("status"))
        .containsExactly("succeeded", "succeeded", "queued");
    assertThat(rows.get(1)).containsEntry("node", "node-test").containsEntry("cost", 10L);
    assertThat(rows.get(1).get("real_out_max")).isInstanceOf(Double.class);
    assertThat(rows.get(2).get("real_out_max")).isNull();
    assertThat(rows.get(2)).containsEntry("cost", 0L);
  }

  @Test
  void anotherAccountsExperiment_isNotFound() {
    String id = start(keyWithCredits(100));

    client
        .get()
        .uri("/experiments/" + id + "/cases")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyWithCredits(0))
        .accept(PARQUET)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void theOpenApiDoc_offersParquetForListCases() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/experiments/{id}/cases'].get.operationId")
        .isEqualTo("listCases")
        .jsonPath(
            "$.paths['/experiments/{id}/cases'].get.responses['200'].content['"
                + PARQUET
                + "'].schema.format")
        .isEqualTo("binary")
        .jsonPath(
            "$.paths['/experiments/{id}/cases'].get.responses['200'].content['application/json']")
        .exists()
        .jsonPath("$.paths['/experiments/{id}/cases'].get.responses['200'].content['text/csv']")
        .exists();
  }

  private String start(String key) {
    return (String)
        new ApiClient(client)
            .post(key, "/experiments", SWEEP)
            .expectStatus()
            .isAccepted()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("experiment_id");
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
