package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results streamed as the worker hands them over: the same answer as a buffered run, however many
 * messages it takes, and a run that fails once streaming has begun is neither charged nor mistaken
 * for a complete answer. Each worker message holds at most 32 KiB of numbers; this gateway caps a
 * run's samples at 8 MB.
 */
class SimulateStreamingIT extends AbstractGatewayIT {

  private static final JsonMapper JSON = JsonMapper.shared();

  @DynamicPropertySource
  static void smallResultCap(DynamicPropertyRegistry registry) {
    registry.add("fmugw.fmi.max-result-size", () -> "8MB");
  }

  @Autowired private JsonMapper responses;

  /**
   * KPIs, async results and every other JSON response write a double in the same digits as a
   * streamed result: the fewest that read back as it (Java 17's {@code Double.toString} writes this
   * one with 17).
   */
  @Test
  void jsonResponses_writeNumbersInTheFewestDigits_asStreamedResultsDo() {
    assertThat(responses.writeValueAsString(6.666843278055655E16))
        .isEqualTo("6.666843278055655E16");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aStreamedResultOfManyMessages_equalsTheBufferedOne_nonFiniteValuesAndKpisIncluded() {
    WebTestClient customer = newCustomer();
    // k x0 overflows: non-finite values from the first sample; 100,001 samples, many messages.
    String request =
        """
        {"fmu_id":"lib:MassSpringDamper","interface":"cs","stop_time":100,"step":0.001,
         "start_values":{"x0":1e308},"outputs":["x","a"],
         "kpis":["x_max","x_mean","a_min","a_rms","x_final"]%s}
        """;

    Map<String, Object> streamed = SimulateApiIT.simulate(customer, request.formatted(""));
    Map<String, Object> buffered = asyncResult(customer, request.formatted(",\"async\":true"));

    assertThat(((List<?>) ((Map<?, ?>) streamed.get("results")).get("time"))).hasSize(100_001);
    assertThat(streamed.get("results")).isEqualTo(buffered.get("results"));
    assertThat(streamed.get("kpis")).isEqualTo(buffered.get("kpis"));
    assertThat(streamed.get("non_finite")).isEqualTo(buffered.get("non_finite"));
    assertThat((Map<String, Object>) streamed.get("non_finite")).containsKey("results");
    assertThat(streamed.get("status")).isEqualTo("ok");
    assertThat(((Map<?, ?>) streamed.get("cost")).get("credits")).isNotNull();
  }

  @Test
  void aStreamedCsv_equalsTheBufferedOne() {
    WebTestClient customer = newCustomer();
    String request =
        """
        {"fmu_id":"lib:BouncingBall","stop_time":30,"step":0.0001%s}
        """;

    String streamed = csv(customer, request.formatted(""), "/simulate");
    String location = startAsync(customer, request.formatted(",\"async\":true"));
    AsyncRuns.awaitEnd(customer, location);
    String buffered = csv(customer, null, location + "/cases/0");

    assertThat(streamed.split("\r\n")).hasSize(300_002);
    assertThat(streamed).isEqualTo(buffered);
  }

  @Test
  void aRunThatFailsOnceStreaming_isCutOffUnclosed_andNotCharged() throws Exception {
    Map<String, String> issued = TestKeys.issue(client);
    String key = issued.get("key");
    WebTestClient customer =
        client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
    SimulateApiIT.simulate(customer, "{\"fmu_id\":\"lib:BouncingBall\",\"stop_time\":1}");
    Object before = account(customer).get("credits");
    // 500,001 samples of time, h and v: 12 MB, past this gateway's 8 MB once streaming.
    String request = "{\"fmu_id\":\"lib:BouncingBall\",\"stop_time\":50,\"step\":0.0001}";

    for (String accept : List.of("application/json", "text/csv")) {
      HttpResponse<InputStream> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulate"))
                      .header("Authorization", "Bearer " + key)
                      .header("Content-Type", "application/json")
                      .header("Accept", accept)
                      .POST(HttpRequest.BodyPublishers.ofString(request))
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());

      assertThat(response.statusCode()).isEqualTo(200);
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      assertThatThrownBy(() -> response.body().transferTo(got)).isInstanceOf(IOException.class);
      assertThat(got.size()).isPositive();
      if (accept.equals("application/json")) {
        assertThat(got.toString()).startsWith("{\"run_id\":");
        assertThatThrownBy(() -> JSON.readTree(got.toByteArray()))
            .isInstanceOf(JacksonException.class);
      }
    }

    assertThat(account(customer).get("credits")).isEqualTo(before);
    List<?> runs =
        customer
            .get()
            .uri("/runs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
    assertThat(runs)
        .filteredOn(run -> "failed".equals(((Map<?, ?>) run).get("status")))
        .hasSize(2)
        .allSatisfy(
            run -> assertThat(((Map<?, ?>) run).get("failure_cause")).isEqualTo("resource_limit"));
  }

  private static Map<?, ?> account(WebTestClient customer) {
    return customer
        .get()
        .uri("/account")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static String csv(WebTestClient customer, String body, String path) {
    WebTestClient.RequestHeadersSpec<?> spec =
        body == null
            ? customer.get().uri(path).accept(MediaType.parseMediaType("text/csv"))
            : customer
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("text/csv"))
                .bodyValue(body);
    return spec.exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static String startAsync(WebTestClient customer, String body) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isAccepted()
        .returnResult(Void.class)
        .getResponseHeaders()
        .getFirst(HttpHeaders.LOCATION);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asyncResult(WebTestClient customer, String body) {
    String location = startAsync(customer, body);
    AsyncRuns.awaitEnd(customer, location);
    return customer
        .get()
        .uri(location + "/cases/0")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
