package com.fmugateway.bootstrap;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The payment gateway with a configured first operator, for the operators' reports. The database is
 * shared with other ITs, so tests compare figures before and after what they do.
 */
@TestPropertySource(
    properties = {
      "fmugw.operator.email=" + AbstractOperatorIT.OPERATOR,
      "fmugw.operator.password=" + AbstractOperatorIT.PASSWORD
    })
abstract class AbstractOperatorIT extends AbstractFakeProviderIT {

  static final String OPERATOR = "analyst@fmugateway.test";
  static final String PASSWORD = "numbers all day 2026";

  /** A client sending an API key of the operator, once the gateway has set the operator up. */
  protected WebTestClient operatorApi() {
    Awaitility.await().untilAsserted(() -> logIn().expectStatus().isCreated());
    String key = (String) body(logIn().expectStatus().isCreated()).get("key");
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
  }

  /** {@code ?from=…&to=…} around today (UTC), so a test that crosses midnight still sees itself. */
  protected static String aroundToday() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
  }

  private WebTestClient.ResponseSpec logIn() {
    return client
        .post()
        .uri("/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", OPERATOR, "password", PASSWORD))
        .exchange();
  }
}
