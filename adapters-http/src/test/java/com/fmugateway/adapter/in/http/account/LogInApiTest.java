package com.fmugateway.adapter.in.http.account;

import com.fmugateway.adapter.in.http.HttpSliceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /login}: wrong passwords are limited per email, and the refusal says when to retry.
 */
@HttpSliceTest
class LogInApiTest {

  private static final String PASSWORD = "correct horse 42";

  @Autowired WebTestClient client;

  @Test
  void afterFiveWrongPasswords_logInAnswers429WithRetryAfter_evenWithTheRightPassword() {
    String email = "api-" + System.nanoTime() + "@example.com";
    post("/signup", email, PASSWORD).expectStatus().isCreated();
    for (int i = 0; i < 5; i++) {
      post("/login", email, "wrong password " + i).expectStatus().isUnauthorized();
    }

    post("/login", email, PASSWORD)
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail ->
                org.assertj.core.api.Assertions.assertThat((String) detail)
                    .contains("too many failed log-ins"));
  }

  @Test
  void anUnknownEmail_isRefusedLikeAWrongPassword() {
    post("/login", "nobody-" + System.nanoTime() + "@example.com", PASSWORD)
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("the email or password is wrong");
  }

  private WebTestClient.ResponseSpec post(String path, String email, String password) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange();
  }
}
