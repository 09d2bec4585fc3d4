package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * FMI 3.0 as a client meets it over HTTP: upload, variables, co-simulation, model exchange, a
 * scheduled execution with clocks, a hostile FMU.
 */
class Fmi3ApiIT extends AbstractGatewayIT {

  private static final String EXACT_RUN =
      """
      {"fmu_id":"%s","stop_time":1.0,"step":0.5,"interface":"cs",
       "start_values":{"Int64_input":9007199254740993,"UInt64_input":18446744073709551615,
                       "Binary_input":"CAFE00"},
       "outputs":["Int64_output","UInt64_output","Binary_output"]}
      """;

  @Test
  void anFmi3Upload_showsItsVersionInterfacesTypesDimensionsAndClocks() throws IOException {
    WebTestClient customer = newCustomer();

    Map<String, Object> feedthrough =
        FmuApiIT.upload(customer, fmu("library3", "Feedthrough3"), 201);
    assertThat(feedthrough.get("fmi_version")).isEqualTo("3.0");
    assertThat(feedthrough.get("interfaces")).isEqualTo(List.of("cs", "me"));
    assertThat(feedthrough.get("platforms")).isEqualTo(List.of("x86_64-linux"));
    variables(customer, feedthrough)
        .jsonPath("$[?(@.name=='UInt64_input')].type")
        .isEqualTo("UInt64")
        .jsonPath("$[?(@.name=='Binary_input')].start")
        .isEqualTo("00ff7f80");

    Map<String, Object> stateSpace = FmuApiIT.upload(customer, fmu("library3", "StateSpace3"), 201);
    variables(customer, stateSpace)
        .jsonPath("$[?(@.name=='A')].dimensions[*].size")
        .isEqualTo(List.of(3, 3));

    Map<String, Object> clocks = FmuApiIT.upload(customer, fmu("library3", "Clocks3"), 201);
    assertThat(clocks.get("interfaces")).isEqualTo(List.of("se"));
    variables(customer, clocks)
        .jsonPath("$[?(@.name=='sum')].clocks[0]")
        .isEqualTo("trigger")
        .jsonPath("$[?(@.name=='tick')].interval_variability")
        .isEqualTo("constant");
  }

  @Test
  void int64AndUInt64StartValues_comeBackExactlyInJsonAndCsv() throws IOException {
    WebTestClient customer = newCustomer();
    Object id = FmuApiIT.upload(customer, fmu("library3", "Feedthrough3"), 201).get("id");

    String json = run(customer, id, MediaType.APPLICATION_JSON);
    String csv = run(customer, id, MediaType.parseMediaType("text/csv"));

    assertThat(json.replace(" ", ""))
        .contains("\"Int64_output\":[9007199254740993,9007199254740993,9007199254740993]")
        .contains(
            "\"UInt64_output\":[18446744073709551615,18446744073709551615,18446744073709551615]")
        .contains("\"Binary_output\":[\"cafe00\",\"cafe00\",\"cafe00\"]")
        .contains("\"fmi_version\":\"3.0\"");
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("time,Int64_output,UInt64_output,Binary_output");
    assertThat(lines[3]).isEqualTo("1.0,9007199254740993,18446744073709551615,cafe00");
  }

  @Test
  void kpisOnArrayElements_areComputedPerElement() {
    Map<?, ?> run =
        SimulateApiIT.simulate(
            newCustomer(),
            """
            {"fmu_id":"lib:StateSpace3","interface":"me","stop_time":1.0,"step":0.1,
             "rtol":1e-8,"atol":1e-10,"kpis":["y[2]_final","y[3]_max","y[1]_min"]}
            """);

    // x' = diag(-1, -2, -3) x from x(0) = 1, y = x: each element decays at its own rate.
    Map<?, ?> kpis = (Map<?, ?>) run.get("kpis");
    assertThat(((Number) kpis.get("y[2]_final")).doubleValue())
        .isCloseTo(Math.exp(-2), within(1e-6));
    assertThat(((Number) kpis.get("y[3]_max")).doubleValue()).isCloseTo(1.0, within(1e-9));
    assertThat(((Number) kpis.get("y[1]_min")).doubleValue()).isCloseTo(Math.exp(-1), within(1e-6));

    newCustomer()
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"lib:StateSpace3\",\"stop_time\":1,\"kpis\":[\"y[4]_max\"]}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("kpis")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("has elements 1 to 3, not 4"));
  }

  private static final String ARRAY_RUN =
      """
      {"fmu_id":"lib:StateSpace3","interface":"me","stop_time":1.0,"step":0.5,
       "rtol":1e-8,"atol":1e-10,"outputs":["y"],"kpis":["y[2]_final"]%s}
      """;

  @Test
  void anArrayOutput_isOneArrayPerSampleInJson_flattenedInCsv_inSyncAndAsyncRuns() {
    WebTestClient customer = newCustomer();

    Map<?, ?> run = SimulateApiIT.simulate(customer, ARRAY_RUN.formatted(""));

    // x' = diag(-1, -2, -3) x from x(0) = 1, y = x: one row [y1, y2, y3] per sample.
    Map<?, ?> results = (Map<?, ?>) run.get("results");
    assertThat(new java.util.ArrayList<Object>(results.keySet())).containsExactly("time", "y");
    List<?> y = (List<?>) results.get("y");
    assertThat(y).hasSize(3);
    assertThat(y.get(0)).isEqualTo(List.of(1.0, 1.0, 1.0));
    List<?> last = (List<?>) y.get(2);
    assertThat(last).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(((Number) last.get(k)).doubleValue()).isCloseTo(Math.exp(-(k + 1)), within(1e-6));
    }
    assertThat(((Number) ((Map<?, ?>) run.get("kpis")).get("y[2]_final")).doubleValue())
        .isEqualTo(((Number) last.get(1)).doubleValue());

    String csv =
        customer
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.parseMediaType("text/csv"))
            .bodyValue(ARRAY_RUN.formatted(""))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("time,y[1],y[2],y[3]");
    assertThat(lines[1]).isEqualTo("0.0,1.0,1.0,1.0");

    String location =
        customer
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(ARRAY_RUN.formatted(",\"async\":true"))
            .exchange()
            .expectStatus()
            .isAccepted()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getFirst(org.springframework.http.HttpHeaders.LOCATION);
    Map<?, ?> stored = AsyncRuns.awaitCase(customer, location);
    assertThat(((Map<?, ?>) stored.get("results")).get("y")).isEqualTo(y);
  }

  private static final String SCHEDULED_RUN =
      """
      {"fmu_id":"lib:Clocks3","interface":"se","stop_time":5,
       "start_values":{"increment":3},
       "clock_ticks":{"%s":[0.3,1.0,2.25]}}
      """;

  @Test
  void aScheduledExecution_firesTheTriggerWhenAskedAndGivesTheCountersClocks3Predicts() {
    WebTestClient customer = newCustomer();

    Map<?, ?> body =
        customer
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(SCHEDULED_RUN.formatted("trigger"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    // model.c: tick every 0.5 s from 0 (11 ticks to 5), outClock on every 2nd tick, the
    // countdown 0.2 s after every 3rd; the trigger adds increment each time.
    Map<?, ?> results = (Map<?, ?>) body.get("results");
    assertThat((List<?>) results.get("time")).hasSize(16);
    assertThat(last(results, "ticks")).isEqualTo(11);
    assertThat(last(results, "triggers")).isEqualTo(3);
    assertThat(last(results, "sum")).isEqualTo(9);
    assertThat(last(results, "countdowns")).isEqualTo(3);
    assertThat(last(results, "outTicks")).isEqualTo(5);
    assertThat(results.containsKey("outClock")).as("a Clock is no column").isFalse();
    assertThat(body.get("clock_events"))
        .isEqualTo(Map.of("outClock", List.of(0.5, 1.5, 2.5, 3.5, 4.5)));
    assertThat(((Map<?, ?>) body.get("provenance")).get("fmu_interface")).isEqualTo("se");
    customer
        .get()
        .uri("/runs/" + body.get("run_id"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.request.clock_ticks.trigger")
        .isEqualTo(List.of(0.3, 1.0, 2.25));
  }

  @Test
  void aClockTickForNoClockOfTheModel_isAProblemNamingTheField() {
    newCustomer()
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(SCHEDULED_RUN.formatted("nope"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("clock_ticks.nope")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("not a Clock of Clocks3"));
  }

  private static Object last(Map<?, ?> results, String name) {
    List<?> values = (List<?>) results.get(name);
    return values.get(values.size() - 1);
  }

  @Test
  void bouncingBall3ByModelExchange_bouncesElevenTimesAboveTheGround() throws IOException {
    WebTestClient customer = newCustomer();
    Object id = FmuApiIT.upload(customer, fmu("library3", "BouncingBall3"), 201).get("id");

    Map<?, ?> run =
        SimulateApiIT.simulate(
            customer,
            """
            {"fmu_id":"%s","stop_time":3.0,"step":0.01,"interface":"me",
             "solver":"dormand_prince","outputs":["h"],"kpis":["h_min","h_final"]}
            """
                .formatted(id));

    Map<?, ?> provenance = (Map<?, ?>) run.get("provenance");
    assertThat(provenance.get("fmi_version")).isEqualTo("3.0");
    assertThat(provenance.get("fmu_interface")).isEqualTo("me");
    assertThat(provenance.get("solver")).isEqualTo("dormand_prince");
    assertThat(((Number) provenance.get("events")).longValue()).isEqualTo(11);
    Map<?, ?> kpis = (Map<?, ?>) run.get("kpis");
    assertThat(((Number) kpis.get("h_min")).doubleValue()).isGreaterThanOrEqualTo(-1e-8);
    assertThat(((Number) kpis.get("h_final")).doubleValue()).isCloseTo(0, within(1e-8));
  }

  @Test
  void robertson3_runsByModelExchangeOnAutoAndItsStiffSolverReachesTheReference()
      throws IOException {
    WebTestClient customer = newCustomer();
    Object id = FmuApiIT.upload(customer, fmu("library3", "Robertson3"), 201).get("id");

    Map<?, ?> run =
        SimulateApiIT.simulate(
            customer,
            """
            {"fmu_id":"%s","stop_time":40.0,"step":0.4,"solver":"rosenbrock",
             "rtol":1e-6,"atol":1e-10,"outputs":["y1"],"kpis":["y1_final"]}
            """
                .formatted(id));

    Map<?, ?> provenance = (Map<?, ?>) run.get("provenance");
    assertThat(provenance.get("fmu_interface")).isEqualTo("me");
    assertThat(provenance.get("solver")).isEqualTo("rosenbrock");
    // Hairer and Wanner, Solving ODEs II: y1(40) = 0.7158271.
    double y1 = ((Number) ((Map<?, ?>) run.get("kpis")).get("y1_final")).doubleValue();
    assertThat(y1).isCloseTo(0.7158271, within(2e-6));
  }

  @Test
  void aSegfaultingFmi3Fmu_isContainedAndTheGatewayKeepsServing() throws IOException {
    WebTestClient customer = newCustomer();
    Object id = FmuApiIT.upload(customer, fmu("hostile3", "Segfault3"), 201).get("id");

    Map<?, ?> problem =
        customer
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"fmu_id\":\"" + id + "\",\"stop_time\":1.0,\"step\":1.0}")
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    assertThat((String) problem.get("detail")).contains("signal 11");
    assertThat(problem.get("cause")).isEqualTo("crashed");
    customer.get().uri("/library").exchange().expectStatus().isOk();
  }

  private static String run(WebTestClient customer, Object id, MediaType accept) {
    return SimulateApiIT.simulate(customer, EXACT_RUN.formatted(id), accept);
  }

  private static WebTestClient.BodyContentSpec variables(
      WebTestClient customer, Map<String, Object> fmu) {
    return customer
        .get()
        .uri("/fmus/" + fmu.get("id") + "/variables?limit=1000")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  private static byte[] fmu(String folder, String name) throws IOException {
    try (InputStream in =
        Fmi3ApiIT.class.getResourceAsStream("/fmi/" + folder + "/" + name + ".fmu")) {
      return in.readAllBytes();
    }
  }
}
