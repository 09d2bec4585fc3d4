package com.fmugateway.bootstrap;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Another account's id is a 404, never a 403 that would confirm it exists. */
class TenantIsolationIT extends AbstractGatewayIT {

  @Test
  void accountBGets404ForAccountAsFmuAndKey() throws Exception {
    WebTestClient a = newCustomer();
    WebTestClient b = newCustomer();
    Map<String, Object> fmu = FmuApiIT.upload(a, FmuApiIT.libraryFmu("Counter"), 201);
    String keyOfA =
        (String)
            a
                .get()
                .uri("/account/keys")
                .exchange()
                .expectBody(java.util.List.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(k -> ((Map<?, ?>) k).get("key_id"))
                .findFirst()
                .orElseThrow();

    String runId =
        (String)
            a.post()
                .uri("/simulate")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{\"fmu_id\":\"" + fmu.get("id") + "\",\"stop_time\":2,\"step\":0.5}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("run_id");
    a.get()
        .uri("/runs/" + runId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("succeeded")
        .jsonPath("$.cost_credits")
        .isEqualTo(10)
        .jsonPath("$.model_name")
        .isEqualTo("Counter")
        .jsonPath("$.request.stop_time")
        .isEqualTo(2.0);
    a.get()
        .uri("/fmus?library=false")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[0].id")
        .isEqualTo(fmu.get("id"))
        .jsonPath("$.items[0].model_name")
        .isEqualTo("Counter")
        .jsonPath("$.items[0].interfaces")
        .isEqualTo(java.util.List.of("cs", "me"))
        .jsonPath("$.total")
        .isEqualTo(1);
    b.get()
        .uri("/fmus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[?(@.built_in == false)]")
        .isEmpty()
        .jsonPath("$.items[0].built_in")
        .isEqualTo(true);
    b.get().uri("/runs/" + runId).exchange().expectStatus().isNotFound();
    b.get()
        .uri("/runs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(0);
    b.get().uri("/fmus/" + fmu.get("id")).exchange().expectStatus().isNotFound();
    b.get().uri("/fmus/" + fmu.get("id") + "/variables").exchange().expectStatus().isNotFound();
    b.post()
        .uri("/simulate")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"" + fmu.get("id") + "\"}")
        .exchange()
        .expectStatus()
        .isNotFound();
    b.delete().uri("/account/keys/" + keyOfA).exchange().expectStatus().isNotFound();
    a.get().uri("/fmus/" + fmu.get("id")).exchange().expectStatus().isOk();
  }
}
