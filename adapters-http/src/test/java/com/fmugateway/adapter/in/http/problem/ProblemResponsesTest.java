package com.fmugateway.adapter.in.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.FakePaymentProvider;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.Sha256;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every error of the API as the problem+json a client reads, through the real routes. */
@HttpSliceTest
class ProblemResponsesTest {

  private static final String RUN = "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": 1}";

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  private ApiClient api() {
    return new ApiClient(client);
  }

  @Test
  void aBadSimulateBody_is400NamingTheFieldInSnakeCase() {
    ApiClient api = api();
    String key = api.newKey();

    api.post(key, "/simulate", "{\"stop_time\": 1}")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("fmu_id")
        .jsonPath("$.errors[0].field")
        .isEqualTo("fmu_id")
        .jsonPath("$.instance")
        .isEqualTo("/simulate");
    api.post(key, "/simulate", "{\"fmu_id\": \"lib:AllTypes\", \"stop_time\": \"soon\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("stop_time");
    api.post(key, "/simulate", "{\"fmu_id\": \"lib:AllTypes\", \"start_values\": {\"nope\": 1}}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("start_values.nope");
  }

  @Test
  void anotherAccountsFmu_is404AsIfItDidNotExist() {
    ApiClient api = api();
    String key = api.newKey();
    FmuId theirs = FmuId.newUpload();
    gateway
        .catalog
        .register(
            new FmuRecord(
                theirs,
                AccountId.random(),
                new Sha256("c".repeat(64)),
                "AllTypes",
                "2.0",
                java.util.Set.of(),
                1024,
                Instant.parse("2026-01-01T00:00:00Z")))
        .block();

    api.get(key, "/fmus/" + theirs.value())
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404);
    api.post(key, "/simulate", "{\"fmu_id\": \"" + theirs.value() + "\"}")
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aRunWithoutCredits_is402WithACheckoutAndAQuote() {
    ApiClient api = api();
    String key = api.newKey();

    api.post(key, "/simulate", RUN)
        .expectStatus()
        .isEqualTo(402)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(402)
        .jsonPath("$.checkout_url")
        .value(url -> assertThat((String) url).startsWith("https://fake-pay.example/checkout/"))
        .jsonPath("$.session_id")
        .isNotEmpty()
        .jsonPath("$.next_step")
        .value(step -> assertThat((String) step).contains("payment_token"))
        .jsonPath("$.quote.fmu_id")
        .isEqualTo("lib:AllTypes")
        .jsonPath("$.quote.credits")
        .isEqualTo(10)
        .jsonPath("$.quote.currency")
        .isEqualTo("usd");
  }

  @Test
  void aUsedPaymentToken_is410() {
    ApiClient api = api();
    String key = api.newKey();
    String session =
        (String)
            api.post(key, "/pay", "{\"fmu_id\": \"lib:AllTypes\"}")
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("session_id");
    FakePaymentProvider.Delivery paid =
        gateway.provider.pay(gateway.provider.providerSession(session));
    WebTestClient.RequestBodySpec webhook = client.post().uri("/webhooks/sandbox");
    paid.headers().forEach(webhook::header);
    webhook
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(paid.body())
        .exchange()
        .expectStatus()
        .isOk();
    String token =
        (String)
            api.get(key, "/payments/checkout/" + session)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("payment_token");
    String paidRun = "{\"fmu_id\": \"lib:AllTypes\", \"payment_token\": \"" + token + "\"}";

    api.post(key, "/simulate", paidRun).expectStatus().isOk();
    api.post(key, "/simulate", paidRun)
        .expectStatus()
        .isEqualTo(410)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(410);
  }

  @Test
  void aProviderThatIsDown_is503WithRetryAfter() {
    ApiClient api = api();
    String key = api.newKey();
    gateway.provider.unavailable(true);
    try {
      api.post(key, "/pay", "{\"fmu_id\": \"lib:AllTypes\"}")
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .valueEquals(HttpHeaders.RETRY_AFTER, "30")
          .expectBody()
          .jsonPath("$.retry_after")
          .isEqualTo(30)
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).contains("nothing was charged"));
    } finally {
      gateway.provider.unavailable(false);
    }
  }

  @Test
  void anUnknownRoute_isA404Problem() {
    api()
        .get(api().newKey(), "/no/such/route")
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No such endpoint. The API is described at /docs.");
  }

  @Test
  void anUnexpectedError_is500WithAnErrorIdAndNoInternals() {
    ApiClient api = api();
    String key = api.newKey();
    gateway.library.failNext(new IllegalStateException("db password is hunter2"));

    String body =
        api.get(key, "/library")
            .expectStatus()
            .isEqualTo(500)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(body).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    Map<?, ?> problem = new tools.jackson.databind.json.JsonMapper().readValue(body, Map.class);
    assertThat(UUID.fromString((String) problem.get("error_id"))).isNotNull();
    assertThat((String) problem.get("detail")).contains((String) problem.get("error_id"));
  }
}
