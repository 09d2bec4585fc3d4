package com.fmugateway.adapter.in.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.Sha256;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Hostile or careless request bodies and query parameters: each is a 400 naming the field as the
 * client spelt it, in words (never a 500, never a Java type or parser setting).
 */
@HttpSliceTest
class RequestValidationTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  private final ApiClient api() {
    return new ApiClient(client);
  }

  private static void assertNamed(WebTestClient.ResponseSpec response, String field) {
    String body =
        response
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    Map<?, ?> problem = new tools.jackson.databind.json.JsonMapper().readValue(body, Map.class);
    assertThat(problem.get("field")).isEqualTo(field);
    assertThat(body).doesNotContainPattern("java\\.|tools\\.jackson|Exception|JsonReadFeature|`");
  }

  @Test
  void nullElementsInStartValuesSignalsOutputsAndKpis_are400NamingTheElement() {
    String key = api().newKey();
    String run = "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1, ";

    assertNamed(
        api().post(key, "/simulate", run + "\"start_values\": {\"real_param\": null}}"),
        "start_values.real_param");
    assertNamed(
        api().post(key, "/simulate", run + "\"input_signals\": [null]}"), "input_signals[0]");
    assertNamed(
        api().post(key, "/simulate", run + "\"outputs\": [\"real_out\", null]}"), "outputs[1]");
    assertNamed(api().post(key, "/simulate", run + "\"kpis\": [null]}"), "kpis[0]");
  }

  @Test
  void nonFiniteStartValues_are400NamingTheVariable_andNaNIsNotJson() {
    String key = api().newKey();

    assertNamed(
        api()
            .post(
                key,
                "/simulate",
                "{\"fmu_id\": \"lib:AllTypes\", \"start_values\": {\"real_param\": 1e400}}"),
        "start_values.real_param");
    assertNamed(
        api()
            .post(
                key,
                "/simulate",
                "{\"fmu_id\": \"lib:AllTypes\", \"start_values\": {\"real_param\": NaN}}"),
        "start_values");
  }

  @Test
  void nulCharacters_are400NamingTheField() {
    String key = api().newKey();

    assertNamed(
        api().post(key, "/simulate", "{\"fmu_id\": \"lib:All\\u0000Types\", \"stop_time\": 1}"),
        "fmu_id");
    assertNamed(
        client
            .post()
            .uri("/signup")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"email\": \"ada\\u0000@example.com\", \"password\": \"correct horse 42\"}")
            .exchange(),
        "email");
  }

  @Test
  void controlCharactersOrAnOverlongFmuId_are400NamingIt() {
    String key = api().newKey();

    assertNamed(
        api().post(key, "/simulate", "{\"fmu_id\": \"\\u0001\\u0002lib:AllTypes\"}"), "fmu_id");
    assertNamed(
        api().post(key, "/simulate", "{\"fmu_id\": \"" + "x".repeat(10_000) + "\"}"), "fmu_id");
  }

  @Test
  void aPasswordOver72Bytes_is400NamingThePassword_72AsciiCharactersAreFine() {
    assertNamed(signUp("long@example.com", "correct horse 42 " + "x".repeat(56)), "password");
    // 36 characters of two bytes each, plus a digit: 73 bytes, though only 37 characters.
    assertNamed(signUp("umlaut@example.com", "ä".repeat(36) + "1"), "password");
    signUp("exact@example.com", "correct horse 42 " + "x".repeat(55)).expectStatus().isCreated();
  }

  @Test
  void wrongTypedQueryParameters_are400NamingTheParameter() {
    String key = api().newKey();

    assertNamed(api().get(key, "/runs?limit=abc"), "limit");
    assertNamed(
        api().post(key, "/simulate?quote_only=maybe", "{\"fmu_id\": \"lib:AllTypes\"}"),
        "quote_only");
    String operator = operatorKey();
    assertNamed(api().get(operator, "/analytics?from=xyz"), "from");
    assertNamed(api().get(operator, "/admin/audit?limit=1.5"), "limit");
  }

  @Test
  void wrongTypedJsonFields_sayWhatTheyMustBe_inWords() {
    String key = api().newKey();

    String detail =
        (String)
            api()
                .post(key, "/simulate", "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": \"soon\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("detail");

    assertThat(detail).isEqualTo("stop_time: must be a number");
    assertNamed(
        api().post(key, "/simulate", "{\"fmu_id\": \"lib:AllTypes\", \"outputs\": \"h\"}"),
        "outputs");
    assertNamed(api().post(key, "/simulate", "{\"fmu_id\": \"lib:AllTypes\", "), "body");
  }

  @Test
  void aHugeStopTimeWithAUnitStep_is400NamingTheStep_neverAnArithmeticError() {
    String key = api().newKey();

    assertNamed(
        api()
            .post(
                key,
                "/simulate",
                "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1e20, \"step\": 1}"),
        "step");
  }

  @Test
  void payForAnotherAccountsOrAMissingModel_is404LikeSimulate() {
    String key = api().newKey();
    FmuId theirs = FmuId.newUpload();
    gateway
        .catalog
        .register(
            new FmuRecord(
                theirs,
                AccountId.random(),
                new Sha256("d".repeat(64)),
                "AllTypes",
                "2.0",
                Set.of(FmuInterface.CO_SIMULATION),
                1024,
                Instant.parse("2026-01-01T00:00:00Z")))
        .block();

    api()
        .post(key, "/pay", "{\"fmu_id\": \"" + theirs.value() + "\"}")
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    api().post(key, "/pay", "{\"fmu_id\": \"lib:NoSuchModel\"}").expectStatus().isNotFound();
    api()
        .post(key, "/simulate", "{\"fmu_id\": \"" + theirs.value() + "\"}")
        .expectStatus()
        .isNotFound();
  }

  @Test
  void payForAGarbageModelId_is400NamingIt_aLibraryAliasStillWorks() {
    String key = api().newKey();

    assertNamed(
        api().post(key, "/pay", "{\"fmu_id\": \"\\u0001\\u0007" + "x".repeat(10_000) + "\"}"),
        "fmu_id");
    api()
        .post(key, "/pay", "{\"fmu_id\": \"msl:AllTypes\"}")
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.fmu_id")
        .isEqualTo("lib:AllTypes");
  }

  private WebTestClient.ResponseSpec signUp(String email, String password) {
    return client
        .post()
        .uri("/signup")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange();
  }

  private String operatorKey() {
    String email = "ops-" + System.nanoTime() + "@example.com";
    Map<?, ?> signedUp =
        signUp(email, "correct horse 42")
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    gateway.accounts.promoteToOperator(email).block();
    return (String) signedUp.get("key");
  }
}
