package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /simulate as a prototype client sends it, on the real engine and the built-in models. */
class SimulateApiIT extends AbstractGatewayIT {

  private static final double G = 9.81;

  @Test
  void bouncingBall_coSimulation_returnsColumnsKpisAndProvenance() {
    Map<String, Object> body =
        simulate(
            newCustomer(),
            "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":3.0,\"step\":0.01,\"interface\":\"cs\",\"kpis\":[\"h_max\",\"v_min\"]}");

    Map<String, List<Number>> results = results(body);
    assertThat(results.get("time")).hasSize(301);
    assertThat(results.get("time").get(300).doubleValue()).isEqualTo(3.0);
    assertThat(results.get("h").get(0).doubleValue()).isEqualTo(1.0);
    assertThat(results.get("h").get(30).doubleValue()).isCloseTo(1 - 0.5 * G * 0.09, within(1e-9));
    assertThat(results).containsKeys("v");
    assertThat(((Map<String, Number>) body.get("kpis")).get("h_max").doubleValue()).isEqualTo(1.0);
    Map<String, Object> provenance = (Map<String, Object>) body.get("provenance");
    assertThat(provenance.get("fmu_interface")).isEqualTo("cs");
    assertThat((String) provenance.get("fmu_sha256")).matches("[0-9a-f]{64}");
    assertThat(provenance.get("fmi_version")).isEqualTo("2.0");
    assertThat(provenance.get("gateway_version")).isNotNull();
    assertThat(((Number) provenance.get("steps")).longValue()).isPositive();
  }

  @Test
  void bouncingBall_modelExchange_usesTheAdaptiveSolver() {
    Map<String, Object> body =
        simulate(
            newCustomer(),
            "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":3.0,\"step\":0.01,\"interface\":\"me\"}");

    Map<String, List<Number>> results = results(body);
    assertThat(results.get("time")).hasSize(301);
    assertThat(results.get("h").get(30).doubleValue()).isCloseTo(1 - 0.5 * G * 0.09, within(1e-6));
    Map<String, Object> provenance = (Map<String, Object>) body.get("provenance");
    assertThat(provenance.get("fmu_interface")).isEqualTo("me");
    assertThat(provenance.get("solver")).isEqualTo("dormand_prince");
    assertThat(((Number) provenance.get("events")).longValue()).isPositive();
  }

  @Test
  void acceptCsv_returnsTimeFirstThenOneColumnPerOutput() {
    String csv =
        newCustomer()
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.parseMediaType("text/csv"))
            .bodyValue("{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":3.0,\"step\":0.01}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(302);
    assertThat(lines[0]).isEqualTo("time,h,v");
    assertThat(lines[1]).startsWith("0.0,1.0,");
    assertThat(lines[301]).startsWith("3.0,");
  }

  @Test
  void badRequests_are400ProblemsNamingTheField() {
    WebTestClient customer = newCustomer();
    assertField(
        customer,
        "{\"fmu_id\":\"lib:BouncingBall\",\"start_time\":2,\"stop_time\":1}",
        "stop_time");
    assertField(customer, "{\"fmu_id\":\"lib:BouncingBall\",\"step\":0}", "step");
    assertField(
        customer, "{\"fmu_id\":\"lib:BouncingBall\",\"stop_time\":1000,\"step\":1e-6}", "step");
    assertField(
        customer,
        "{\"fmu_id\":\"lib:BouncingBall\",\"start_values\":{\"nope\":1}}",
        "start_values.nope");
    assertField(
        customer,
        "{\"fmu_id\":\"lib:BouncingBall\",\"start_values\":{\"e\":\"high\"}}",
        "start_values.e");
    assertField(
        customer,
        "{\"fmu_id\":\"lib:BouncingBall\",\"start_values\":{\"h\":true}}",
        "start_values.h");
    assertField(customer, "{\"fmu_id\":\"lib:BouncingBall\",\"outputs\":[\"nope\"]}", "outputs");
    assertField(customer, "{\"fmu_id\":\"lib:BouncingBall\",\"kpis\":[\"h_median\"]}", "kpis");
    assertField(customer, "{\"stop_time\":1}", "fmu_id");
    assertField(customer, "{\"fmu_id\":\"lib:BouncingBall\",\"stop_tme\":3}", "stop_tme");
    assertField(
        customer, "{\"fmu_id\":\"lib:BouncingBall\",\"stop_time\":1e20,\"step\":1}", "step");
    assertField(customer, "{\"fmu_id\":\"lib:BouncingBall\",\"stop_time\":\"soon\"}", "stop_time");
    assertField(
        customer,
        "{\"fmu_id\":\"lib:FirstOrderLag\",\"input_signals\":[{\"name\":\"u\",\"time\":[0,1,1],\"values\":[0,1,2]}]}",
        "input_signals[0].time");
    assertField(
        customer,
        "{\"fmu_id\":\"lib:FirstOrderLag\",\"input_signals\":[{\"name\":\"y\",\"time\":[0],\"values\":[0]}]}",
        "input_signals[0].name");
    assertField(
        customer,
        "{\"fmu_id\":\"lib:BouncingBall\",\"interface\":\"me\",\"solver\":\"magic\"}",
        "solver");
  }

  @Test
  void unknownModel_is404() {
    newCustomer()
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"lib:NoSuchModel\"}")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void fmuError_is422CarryingTheFmusOwnLog() {
    Map<String, Object> problem =
        newCustomer()
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"fmu_id\":\"lib:FirstOrderLag\",\"start_values\":{\"T\":-1}}")
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    assertThat(problem.get("cause")).isEqualTo("model_error");
    assertThat((List<String>) problem.get("fmu_log"))
        .isNotEmpty()
        .anyMatch(line -> line.contains("T"));
  }

  @Test
  void uploadedModel_runsLikeALibraryOne() throws Exception {
    WebTestClient customer = newCustomer();
    Map<String, Object> uploaded =
        FmuApiIT.upload(customer, FmuApiIT.libraryFmu("FirstOrderLag"), 201);

    Map<String, Object> body =
        simulate(
            customer,
            "{\"fmu_id\":\""
                + uploaded.get("id")
                + "\",\"stop_time\":2,\"step\":0.5,\"start_values\":{\"y0\":1}}");

    List<Number> y = results(body).get("y");
    assertThat(y.get(4).doubleValue()).isCloseTo(Math.exp(-2), within(1e-9));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOverflowingModel_givesNullsSpeltInNonFinite_andTheSameSpellingsInCsv() {
    WebTestClient customer = newCustomer();
    // k x0 overflows to infinity: the acceleration is -Infinity at once, then the states follow.
    String request =
        "{\"fmu_id\":\"lib:MassSpringDamper\",\"interface\":\"cs\",\"stop_time\":0.03,"
            + "\"step\":0.01,\"start_values\":{\"x0\":1e308},\"outputs\":[\"x\",\"v\",\"a\"]}";

    Map<String, Object> body = simulate(customer, request);
    String[] csv = simulate(customer, request, MediaType.parseMediaType("text/csv")).split("\r\n");

    Map<String, List<Object>> results = (Map<String, List<Object>>) body.get("results");
    Map<String, Map<String, String>> nonFinite =
        (Map<String, Map<String, String>>)
            ((Map<String, Object>) body.get("non_finite")).get("results");
    assertThat(nonFinite.get("a")).containsEntry("0", "-Infinity");
    List<String> header = List.of(csv[0].split(","));
    for (String variable : List.of("x", "v", "a")) {
      Map<String, String> spelt = nonFinite.getOrDefault(variable, Map.of());
      List<Object> column = results.get(variable);
      for (int i = 0; i < column.size(); i++) {
        String cell = csv[i + 1].split(",")[header.indexOf(variable)];
        if (column.get(i) == null) {
          assertThat(spelt.get(Integer.toString(i))).isIn("NaN", "Infinity", "-Infinity");
          assertThat(cell).isEqualTo(spelt.get(Integer.toString(i)));
        } else {
          assertThat(column.get(i)).isInstanceOf(Number.class);
          assertThat(spelt).doesNotContainKey(Integer.toString(i));
          assertThat(Double.parseDouble(cell)).isEqualTo(((Number) column.get(i)).doubleValue());
        }
      }
    }
  }

  private static void assertField(WebTestClient customer, String request, String field) {
    customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo(field);
  }

  /** The body of a run answered 200 in {@code accept}: the one place ITs post a plain run. */
  static String simulate(WebTestClient customer, String request, MediaType accept) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .accept(accept)
        .bodyValue(request)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** A run answered 200, its JSON read as a map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> simulate(WebTestClient customer, String request) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<Number>> results(Map<String, Object> body) {
    return (Map<String, List<Number>>) body.get("results");
  }
}
