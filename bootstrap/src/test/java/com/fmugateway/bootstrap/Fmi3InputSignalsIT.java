package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Typed input signals over HTTP on the built-in FMI 3.0 models: 64-bit integers in exactly and out
 * exactly (JSON, CSV, the stored request, an async run), an array input driving StateSpace3, and
 * bad shapes refused with the field named.
 */
class Fmi3InputSignalsIT extends AbstractGatewayIT {

  private static final String EXACT_SIGNALS =
      """
      {"fmu_id":"lib:Feedthrough3","interface":"cs","stop_time":1,"step":0.25,%s
       "input_signals":[
         {"name":"Int64_input","time":[0,0.5],"values":[9007199254740993,-9223372036854775808]},
         {"name":"UInt64_input","time":[0,0.5],"values":[1,18446744073709551615]},
         {"name":"Binary_input","time":[0,0.5],"values":["00","CAFE"]}],
       "outputs":["Int64_output","UInt64_output","Binary_output"]}
      """;

  @Test
  void int64AndUInt64Signals_comeBackExactlyInJsonCsvAndTheStoredRequest() {
    WebTestClient customer = newCustomer();

    String json =
        SimulateApiIT.simulate(customer, EXACT_SIGNALS.formatted(""), MediaType.APPLICATION_JSON);
    String csv =
        SimulateApiIT.simulate(
            customer, EXACT_SIGNALS.formatted(""), MediaType.parseMediaType("text/csv"));

    String compact = json.replaceAll("\\s", "");
    assertThat(compact)
        .contains(
            "\"Int64_output\":[9007199254740993,9007199254740993,-9223372036854775808,"
                + "-9223372036854775808,-9223372036854775808]")
        .contains(
            "\"UInt64_output\":[1,1,18446744073709551615,18446744073709551615,"
                + "18446744073709551615]")
        .contains("\"Binary_output\":[\"00\",\"00\",\"cafe\",\"cafe\",\"cafe\"]");
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("time,Int64_output,UInt64_output,Binary_output");
    assertThat(lines[2]).isEqualTo("0.25,9007199254740993,1,00");
    assertThat(lines[3]).isEqualTo("0.5,-9223372036854775808,18446744073709551615,cafe");

    String runId = compact.replaceAll(".*\"run_id\":\"([^\"]+)\".*", "$1");
    String stored =
        customer
            .get()
            .uri("/runs/" + runId)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody()
            .replaceAll("\\s", "");
    assertThat(stored)
        .contains("\"values\":[9007199254740993,-9223372036854775808]")
        .contains("\"values\":[1,18446744073709551615]");
  }

  @Test
  void anAsyncRun_replaysItsStoredTypedSignalsExactly() {
    WebTestClient customer = newCustomer();
    String location =
        customer
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(EXACT_SIGNALS.formatted("\"async\":true,"))
            .exchange()
            .expectStatus()
            .isAccepted()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);

    assertThat(AsyncRuns.awaitEnd(customer, location).get("status")).isEqualTo("succeeded");
    String result =
        customer
            .get()
            .uri(location + "/cases/0")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody()
            .replaceAll("\\s", "");
    assertThat(result)
        .contains("\"Int64_output\":[9007199254740993,9007199254740993,-9223372036854775808,")
        .contains("\"UInt64_output\":[1,1,18446744073709551615,");
  }

  @Test
  void anArraySignal_drivesStateSpace3ElementByElement() {
    // C = 0 and D = [1 0; 0 1; 1 1]: y = (u1, u2, u1 + u2), u on the line from (0, 4) to (2, 0).
    Map<?, ?> run =
        simulateAsNewCustomer(
            """
            {"fmu_id":"lib:StateSpace3","interface":"me","stop_time":1,"step":0.5,
             "start_values":{"C":[[0,0,0],[0,0,0],[0,0,0]],"D":[[1,0],[0,1],[1,1]]},
             "input_signals":[{"name":"u","time":[0,1],"values":[[0,4],[2,0]]}],
             "outputs":["y"]}
            """);

    // An array output is one key in JSON results, one array per sample.
    List<?> y = (List<?>) ((Map<?, ?>) run.get("results")).get("y");
    assertThat(y).hasSize(3);
    assertThat(element(y, 0)).containsExactly(new double[] {0, 1, 2}, within(1e-12));
    assertThat(element(y, 1)).containsExactly(new double[] {4, 2, 0}, within(1e-12));
    assertThat(element(y, 2)).containsExactly(new double[] {4, 3, 2}, within(1e-12));
  }

  /** Element {@code k} (0-based) of an array output, over its samples. */
  private static double[] element(List<?> samples, int k) {
    return samples.stream()
        .mapToDouble(sample -> ((Number) ((List<?>) sample).get(k)).doubleValue())
        .toArray();
  }

  @Test
  void badShapesAndLinesThroughIntegers_areProblemsNamingTheField() {
    WebTestClient customer = newCustomer();

    refused(
        customer,
        "{\"fmu_id\":\"lib:StateSpace3\",\"stop_time\":1,\"input_signals\":"
            + "[{\"name\":\"u\",\"time\":[0,1],\"values\":[[0,1],[0,1,2]]}]}",
        "input_signals[0].values[1]",
        "must be an array of 2 values (row-major), but has 3");
    refused(
        customer,
        "{\"fmu_id\":\"lib:Feedthrough3\",\"stop_time\":1,\"input_signals\":"
            + "[{\"name\":\"Int64_input\",\"time\":[0,1],\"values\":[0,1],"
            + "\"interpolation\":\"linear\"}]}",
        "input_signals[0].interpolation",
        "piecewise constant: use hold");
    refused(
        customer,
        "{\"fmu_id\":\"lib:Feedthrough3\",\"stop_time\":1,\"input_signals\":"
            + "[{\"name\":\"UInt64_input\",\"time\":[0],\"values\":[18446744073709551616]}]}",
        "input_signals[0].values[0]",
        "from 0 to 18446744073709551615 (UInt64)");
    refused(
        customer,
        "{\"fmu_id\":\"lib:Feedthrough3\",\"stop_time\":1,\"input_signals\":"
            + "[{\"name\":\"Boolean_input\",\"time\":[0,1],\"values\":[true,null]}]}",
        "input_signals[0].values[1]",
        "must not be null");
  }

  private Map<?, ?> simulateAsNewCustomer(String body) {
    return SimulateApiIT.simulate(newCustomer(), body);
  }

  private static void refused(WebTestClient customer, String body, String field, String detail) {
    customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo(field)
        .jsonPath("$.detail")
        .value(text -> assertThat((String) text).contains(detail));
  }
}
