package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sign-up, log-in, roles and the operators' audit log over HTTP. */
@TestPropertySource(
    properties = {
      "fmugw.operator.email=ops@fmugateway.test",
      "fmugw.operator.password=operator secret 2026"
    })
class PasswordAccountsIT extends AbstractGatewayIT {

  /** A new one on every run of a test, so that failsafe's rerun does not sign up a taken email. */
  private final String run = UUID.randomUUID().toString();

  @Test
  void signUp_givesAKey_andLogInGivesAnotherForTheSameAccount() {
    Map<?, ?> signedUp =
        credentials("/signup", "grace-" + run + "@example.com", "compiler 1952 rocks", 201);
    Map<?, ?> loggedIn =
        credentials("/login", "GRACE-" + run + "@example.com", "compiler 1952 rocks", 201);

    assertThat(loggedIn.get("account_id")).isEqualTo(signedUp.get("account_id"));
    assertThat(loggedIn.get("key")).isNotEqualTo(signedUp.get("key"));
    bearer((String) loggedIn.get("key")).get().uri("/account").exchange().expectStatus().isOk();
  }

  @Test
  void badSignUps_are400NamingTheField_andWrongPasswordsAre401() {
    credentials("/signup", linus(), "kernel 1991 rules", 201);

    assertField(credentials("/signup", linus(), "another 1991 rules", 400), "email");
    assertField(credentials("/signup", "not-an-email", "kernel 1991 rules", 400), "email");
    assertField(credentials("/signup", "ken@example.com", "short1", 400), "password");
    assertField(
        credentials("/signup", "ken@example.com", "no digits at all here", 400), "password");
    credentials("/login", linus(), "wrong 1991 rules", 401);
    credentials("/login", "nobody@example.com", "kernel 1991 rules", 401);
  }

  private String linus() {
    return "linus-" + run + "@example.com";
  }

  @Test
  void theConfiguredOperatorReadsTheAuditLog_andCustomersGet403() {
    Awaitility.await()
        .untilAsserted(
            () -> credentials("/login", "ops@fmugateway.test", "operator secret 2026", 201));
    String operatorKey =
        (String)
            credentials("/login", "ops@fmugateway.test", "operator secret 2026", 201).get("key");
    WebTestClient customer = newCustomer();

    customer
        .get()
        .uri("/admin/audit")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    List<?> events =
        bearer(operatorKey)
            .get()
            .uri("/admin/audit?limit=500")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
    List<String> actions =
        events.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("action"))).toList();
    assertThat(actions).contains("account.created", "key.created", "login");
    assertThat(events.toString())
        .doesNotContain("operator secret 2026")
        .doesNotContain(operatorKey);
  }

  private Map<?, ?> credentials(String path, String email, String password, int status) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static void assertField(Map<?, ?> problem, String field) {
    assertThat(problem.get("field")).isEqualTo(field);
  }

  private WebTestClient bearer(String key) {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
  }
}
