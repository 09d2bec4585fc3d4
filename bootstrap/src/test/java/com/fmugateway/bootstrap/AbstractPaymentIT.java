package com.fmugateway.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with no free credits, so every run needs paying, and what customers do about it over
 * HTTP. Reconciliation's timer is set beyond any test (tests call it themselves); it asks about any
 * pending checkout. Subclasses choose the payment providers.
 */
@TestPropertySource(
    properties = {
      "fmugw.billing.tiers.free.monthly-credits=0",
      "fmugw.payments.reconcile.after=0s",
      "fmugw.payments.reconcile.every=1h"
    })
abstract class AbstractPaymentIT extends AbstractGatewayIT {

  protected static final String RUN =
      "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":1.0,\"step\":0.1}";

  /** A new account's id, its key and a client sending it. */
  protected record Customer(String accountId, String key, WebTestClient client) {}

  protected Customer customer() {
    Map<String, String> issued = TestKeys.issue(client);
    return new Customer(
        issued.get("account_id"),
        issued.get("key"),
        client
            .mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("key"))
            .build());
  }

  /** The session id of the checkout in the 402 that {@link #RUN} gets. */
  protected static String checkoutOf402(Customer customer) {
    return (String)
        body(simulate(customer.client(), RUN).expectStatus().isEqualTo(HttpStatus.PAYMENT_REQUIRED))
            .get("session_id");
  }

  protected static WebTestClient.ResponseSpec post(Customer customer, String uri, String json) {
    return customer
        .client()
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }

  /** {@code GET /payments/checkout/{id}} as the customer. */
  protected static WebTestClient.ResponseSpec checkout(Customer customer, String sessionId) {
    return customer.client().get().uri("/payments/checkout/" + sessionId).exchange();
  }

  /** The payment token of a paid run checkout. */
  protected static String token(WebTestClient customer, String sessionId) {
    return (String)
        body(customer.get().uri("/payments/checkout/" + sessionId).exchange().expectStatus().isOk())
            .get("payment_token");
  }

  @SuppressWarnings("unchecked")
  protected static Map<String, Object> body(WebTestClient.ResponseSpec response) {
    return response.expectBody(Map.class).returnResult().getResponseBody();
  }

  protected static WebTestClient.ResponseSpec simulate(WebTestClient customer, String json) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }

  /**
   * Reads a run's answer to its end. The status comes first, and the run is charged and recorded
   * only before the end of the body (ADR 0019): a test that then looks at either waits for the end.
   */
  protected static void readToTheEnd(WebTestClient.ResponseSpec answer) {
    answer.expectBody().returnResult();
  }

  protected static String withToken(String token) {
    return RUN.replace("}", ",\"payment_token\":\"" + token + "\"}");
  }

  /** One number from the gateway's database, by SQL with positional parameters. */
  protected static long count(String sql, Object... parameters) {
    try (Connection c =
            DriverManager.getConnection(
                DATABASE.jdbcUrl(), DATABASE.username(), DATABASE.password());
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
