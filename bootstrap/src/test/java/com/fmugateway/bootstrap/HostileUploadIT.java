package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A customer's FMU that crashes or hangs: the request gets a clear 422, nothing is charged, the run
 * is recorded with its cause, and the same gateway process goes on serving everyone.
 */
class HostileUploadIT extends AbstractGatewayIT {

  @Test
  void aSegfaultingFmuIsA422_costsNothing_andTheGatewayKeepsServing() throws IOException {
    WebTestClient customer = newCustomer();
    Map<String, Object> fmu = FmuApiIT.upload(customer, hostile("Segfault"), 201);

    Map<?, ?> problem = simulate(customer, fmu.get("id"), 422);

    assertThat((String) problem.get("detail")).contains("signal 11");
    assertThat(problem.get("cause")).isEqualTo("crashed");
    assertGatewayStillServes(customer);
    customer
        .get()
        .uri("/account")
        .exchange()
        .expectBody()
        .jsonPath("$.credits")
        .isEqualTo(100 - 10);
    List<?> runs =
        customer
            .get()
            .uri("/runs")
            .exchange()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
    assertThat(runs.toString()).contains("failure_cause=crashed");
  }

  @Test
  void anFmuThatLoopsForeverIsStoppedAtTheTimeLimit() throws IOException {
    WebTestClient customer = newCustomer();
    Map<String, Object> fmu = FmuApiIT.upload(customer, hostile("InfiniteLoop"), 201);

    Map<?, ?> problem = simulate(customer, fmu.get("id"), 422);

    assertThat(problem.get("cause")).isEqualTo("timeout");
    assertThat((String) problem.get("detail")).contains("exceeded its");
    assertGatewayStillServes(customer);
  }

  private void assertGatewayStillServes(WebTestClient customer) {
    client.get().uri("/health").exchange().expectStatus().isOk();
    customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":3.0,\"step\":0.01}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static Map<?, ?> simulate(WebTestClient customer, Object fmuId, int status) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"" + fmuId + "\",\"stop_time\":1.0,\"step\":0.1}")
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static byte[] hostile(String name) throws IOException {
    try (InputStream in =
        HostileUploadIT.class.getResourceAsStream("/fmi/hostile/" + name + ".fmu")) {
      return in.readAllBytes();
    }
  }
}
