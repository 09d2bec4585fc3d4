package com.fmugateway.adapter.in.portal.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.shared.model.StoreUnavailableException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Pages whose data cannot be had say so in the portal's look, with no internals. */
@PortalSliceTest
class PortalErrorPagesTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void aDatabaseOutage_isA503PageSayingTemporarilyUnavailable_withRetryAfter() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    gateway.library.failNext(
        new StoreUnavailableException(
            "the database cannot be reached", new ConnectException("Connection refused")));

    EntityExchangeResult<String> page =
        customer.get("/portal/models").expectBody(String.class).returnResult();

    assertThat(page.getStatus().value()).isEqualTo(503);
    assertThat(page.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(page.getResponseBody())
        .contains("Temporarily unavailable")
        .doesNotContain("Connection refused")
        .doesNotContain("Exception");
  }
}
