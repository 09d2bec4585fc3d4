package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One account cannot hold every worker: past its runs at once (free tier: 2) it gets 429 naming the
 * limit, while another account still runs; the slots come back when the runs end, failed or not.
 */
class ConcurrentRunsIT extends AbstractGatewayIT {

  private static final String BOUNCING_BALL =
      "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":1.0,\"step\":0.1";

  @Test
  void anAccountPastItsRunsAtOnceIsRefusedWhileOthersRun_andItsSlotsComeBack() throws IOException {
    String aliceKey = TestKeys.issue(client).get("key");
    WebTestClient alice =
        client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + aliceKey).build();
    Object endless = FmuApiIT.upload(alice, hostile("InfiniteLoop"), 201).get("id");

    // Two runs that end only at the time limit (5 s here) hold both of Alice's slots.
    List<CompletableFuture<Integer>> holding =
        List.of(startRun(aliceKey, endless), startRun(aliceKey, endless));
    // A probe that takes a slot only long enough to be refused its unknown token (404): once both
    // slots are held it is refused at the door instead. Nothing is charged either way.
    Awaitility.await()
        .atMost(Duration.ofSeconds(4))
        .until(() -> status(alice, BOUNCING_BALL + ",\"payment_token\":\"pt_unknown\"}") == 429);

    alice
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(BOUNCING_BALL + "}")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.limit")
        .isEqualTo("concurrent_runs")
        .jsonPath("$.max")
        .isEqualTo(2);
    assertThat(status(newCustomer(), BOUNCING_BALL + "}")).as("another account").isEqualTo(200);

    assertThat(holding.stream().map(CompletableFuture::join)).containsExactly(422, 422);
    assertThat(status(alice, BOUNCING_BALL + "}")).as("slots back after failures").isEqualTo(200);
  }

  private CompletableFuture<Integer> startRun(String key, Object fmuId) {
    return WebClient.create("http://localhost:" + port)
        .post()
        .uri("/simulate")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"" + fmuId + "\",\"stop_time\":1.0,\"step\":0.1}")
        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
        .toFuture();
  }

  private static int status(WebTestClient customer, String body) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectBody(Map.class)
        .returnResult()
        .getStatus()
        .value();
  }

  private static byte[] hostile(String name) throws IOException {
    try (InputStream in =
        ConcurrentRunsIT.class.getResourceAsStream("/fmi/hostile/" + name + ".fmu")) {
      return in.readAllBytes();
    }
  }
}
