package com.fmugateway.adapter.in.http.security;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** URLs the security firewall refuses before any route still get a problem+json 400. */
@HttpSliceTest
class FirewallRejectionTest {

  @Autowired WebTestClient client;

  @Test
  void anEncodedSlashOrDotsInAPath_is400ProblemJson() {
    String key = new ApiClient(client).newKey();
    for (String path : new String[] {"/fmus/%2F", "/fmus/%2e%2e", "/runs/%00", "/fmus/%25"}) {
      client
          .get()
          .uri(URI.create(path))
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo(400)
          .jsonPath("$.detail")
          .value(
              detail ->
                  org.assertj.core.api.Assertions.assertThat((String) detail)
                      .contains("does not accept"));
    }
  }
}
