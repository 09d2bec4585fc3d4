package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.fake.FakeX402Facilitator;
import com.fmugateway.adapter.out.payments.fake.FakeX402Wallet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * An agent with an HTTP client and an x402 wallet pays for runs on the real gateway, whose
 * facilitator is a fake speaking x402 version 2 on a local port: 402 with {@code PAYMENT-REQUIRED},
 * the retry with {@code PAYMENT-SIGNATURE}, 200 with {@code PAYMENT-RESPONSE}; a run that fails
 * settles nothing; a payment pays once.
 */
class X402PaymentIT extends AbstractPaymentIT {

  private static final String PAY_TO = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C";
  private static final FakeX402Facilitator FACILITATOR = new FakeX402Facilitator();

  @DynamicPropertySource
  static void x402(DynamicPropertyRegistry registry) {
    registry.add("fmugw.payments.x402.pay-to", () -> PAY_TO);
    registry.add("fmugw.payments.x402.facilitator-url", FACILITATOR::baseUrl);
  }

  @AfterAll
  static void stopFacilitator() {
    FACILITATOR.close();
  }

  @Test
  void anAgentPaysARunWithX402_andItsPaymentPaysOnce() {
    Customer agent = customer();
    EntityExchangeResult<Map> demand = paymentRequired(agent, RUN);
    String required = demand.getResponseHeaders().getFirst("PAYMENT-REQUIRED");
    JsonNode requirements = FakeX402Wallet.decode(required);
    assertThat(requirements.path("x402Version").asInt()).isEqualTo(2);
    assertThat(requirements.path("resource").path("url").asString()).endsWith("/simulate");
    JsonNode accepts = requirements.path("accepts").get(0);
    assertThat(accepts.path("scheme").asString()).isEqualTo("exact");
    assertThat(accepts.path("network").asString()).isEqualTo("eip155:8453");
    assertThat(accepts.path("payTo").asString()).isEqualTo(PAY_TO);
    assertThat(accepts.path("amount").asString()).isEqualTo("1000000"); // the $1.00 run price
    assertThat(demand.getResponseBody()).containsKey("x402").containsKey("checkout_url");
    int settlementsBefore = FACILITATOR.settlements();

    String payment = FakeX402Wallet.sign(required, Instant.now().plusSeconds(600));
    EntityExchangeResult<Map> paid =
        pay(agent, RUN, payment).expectStatus().isOk().expectBody(Map.class).returnResult();

    JsonNode settlement =
        FakeX402Wallet.decode(paid.getResponseHeaders().getFirst("PAYMENT-RESPONSE"));
    assertThat(settlement.path("success").asBoolean()).isTrue();
    assertThat(settlement.path("transaction").asString()).startsWith("0x");
    assertThat(settlement.path("payer").asString()).isEqualTo(FakeX402Wallet.ADDRESS);
    assertThat(paid.getResponseBody()).containsKey("results");
    assertThat(FACILITATOR.settlements()).isEqualTo(settlementsBefore + 1);
    UUID account = UUID.fromString(agent.accountId());
    assertThat(
            count(
                "SELECT COUNT(*) FROM x402_payments WHERE account_id = ? AND state = 'SETTLED'",
                account))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND kind = 'PAYMENT'",
                account))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_events WHERE actor = ? AND action = 'x402.settled'",
                account))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account_id = ?",
                account))
        .isZero();

    Map<String, Object> replay =
        pay(agent, RUN, payment)
            .expectStatus()
            .isEqualTo(HttpStatus.PAYMENT_REQUIRED)
            .expectHeader()
            .exists("PAYMENT-REQUIRED")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat((String) replay.get("detail")).contains("presented before");
    assertThat(FACILITATOR.settlements()).isEqualTo(settlementsBefore + 1);
    assertThat(count("SELECT COUNT(*) FROM runs WHERE account_id = ?", account)).isEqualTo(1);
  }

  @Test
  void aRunThatFails_settlesNothing() {
    Customer agent = customer();
    String failing = "{\"fmu_id\":\"lib:FirstOrderLag\",\"start_values\":{\"T\":-1}}";
    String required =
        paymentRequired(agent, failing).getResponseHeaders().getFirst("PAYMENT-REQUIRED");
    int settlementsBefore = FACILITATOR.settlements();

    String payment = FakeX402Wallet.sign(required, Instant.now().plusSeconds(600));
    pay(agent, failing, payment).expectStatus().isEqualTo(422);

    assertThat(FACILITATOR.settlements()).isEqualTo(settlementsBefore);
    assertThat(
            count(
                "SELECT COUNT(*) FROM x402_payments WHERE account_id = ? AND state = 'RUN_FAILED'",
                UUID.fromString(agent.accountId())))
        .isEqualTo(1);
    // Never settled, so the payer's funds are untouched; the payment is still spent here: the
    // agent signs a new one (the ADR says why).
    Map<String, Object> again =
        body(pay(agent, RUN, payment).expectStatus().isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    assertThat((String) again.get("detail")).contains("presented before");
  }

  @Test
  void aSettlementThatFailsAfterTheRun_isA402WithTheFailedSettlementAndNoResult() {
    Customer agent = customer();
    String required = paymentRequired(agent, RUN).getResponseHeaders().getFirst("PAYMENT-REQUIRED");
    FACILITATOR.failNextSettlement("insufficient_funds");

    EntityExchangeResult<Map> refused =
        pay(agent, RUN, FakeX402Wallet.sign(required, Instant.now().plusSeconds(600)))
            .expectStatus()
            .isEqualTo(HttpStatus.PAYMENT_REQUIRED)
            .expectBody(Map.class)
            .returnResult();

    JsonNode settlement =
        FakeX402Wallet.decode(refused.getResponseHeaders().getFirst("PAYMENT-RESPONSE"));
    assertThat(settlement.path("success").asBoolean()).isFalse();
    assertThat(settlement.path("errorReason").asString()).isEqualTo("insufficient_funds");
    assertThat(refused.getResponseHeaders().getFirst("PAYMENT-REQUIRED")).isNotBlank();
    assertThat(refused.getResponseBody()).doesNotContainKey("results");
    assertThat(
            count(
                "SELECT COUNT(*) FROM x402_payments WHERE account_id = ? AND state = 'SETTLE_FAILED'",
                UUID.fromString(agent.accountId())))
        .isEqualTo(1);
  }

  @Test
  void aForgedOrShortLivedPayment_isRefusedBeforeAnythingRuns() {
    Customer agent = customer();
    String required = paymentRequired(agent, RUN).getResponseHeaders().getFirst("PAYMENT-REQUIRED");
    int verificationsBefore = FACILITATOR.verifications();

    Map<String, Object> shortLived =
        body(
            pay(agent, RUN, FakeX402Wallet.sign(required, Instant.now().plusSeconds(2)))
                .expectStatus()
                .isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    assertThat((String) shortLived.get("detail")).contains("expires");
    assertThat(FACILITATOR.verifications()).isEqualTo(verificationsBefore);

    FACILITATOR.refuseSignatures(true);
    try {
      Map<String, Object> forged =
          body(
              pay(agent, RUN, FakeX402Wallet.sign(required, Instant.now().plusSeconds(600)))
                  .expectStatus()
                  .isEqualTo(HttpStatus.PAYMENT_REQUIRED));
      assertThat((String) forged.get("detail")).contains("invalid_exact_evm_payload_signature");
    } finally {
      FACILITATOR.refuseSignatures(false);
    }
    assertThat(
            count(
                "SELECT COUNT(*) FROM runs WHERE account_id = ?",
                UUID.fromString(agent.accountId())))
        .isZero();
  }

  @Test
  void aPaymentForAnotherAmount_isRefused_andABrokenHeaderIsA400NamingIt() {
    Customer agent = customer();
    JsonNode requirements =
        FakeX402Wallet.decode(
            paymentRequired(agent, RUN).getResponseHeaders().getFirst("PAYMENT-REQUIRED"));
    tools.jackson.databind.node.ObjectNode cheaper =
        (tools.jackson.databind.node.ObjectNode) requirements.path("accepts").get(0).deepCopy();
    cheaper.put("amount", "1");

    Map<String, Object> refused =
        body(
            pay(
                    agent,
                    RUN,
                    FakeX402Wallet.sign(
                        requirements.path("resource"), cheaper, Instant.now().plusSeconds(600)))
                .expectStatus()
                .isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    assertThat((String) refused.get("detail")).contains("amount");

    Map<String, Object> broken = body(pay(agent, RUN, "not-base64!").expectStatus().isBadRequest());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) broken.get("errors");
    assertThat(errors).anySatisfy(e -> assertThat(e.get("field")).isEqualTo("PAYMENT-SIGNATURE"));
  }

  @Test
  void anExperiment_is402WithRequirementsForAllItsRuns_andX402BuysItsCreditsOnce() {
    Customer agent = customer();
    String sweep =
        "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":1.0,\"step\":0.1,"
            + "\"sweep\":{\"method\":\"cases\",\"cases\":["
            + "{\"start_values\":{\"e\":0.6}},{\"start_values\":{\"e\":0.7}},"
            + "{\"start_values\":{\"e\":0.8}}]}}";
    EntityExchangeResult<Map> demand =
        post(agent, "/experiments", sweep)
            .expectStatus()
            .isEqualTo(HttpStatus.PAYMENT_REQUIRED)
            .expectHeader()
            .exists("PAYMENT-REQUIRED")
            .expectBody(Map.class)
            .returnResult();
    String required = demand.getResponseHeaders().getFirst("PAYMENT-REQUIRED");
    JsonNode requirements = FakeX402Wallet.decode(required);
    assertThat(requirements.path("resource").path("url").asString()).endsWith("/experiments");
    assertThat(requirements.path("accepts").get(0).path("amount").asString())
        .isEqualTo("3000000"); // three runs at $1.00
    int settlementsBefore = FACILITATOR.settlements();
    String payment = FakeX402Wallet.sign(required, Instant.now().plusSeconds(600));

    Map<String, Object> accepted =
        body(
            agent
                .client()
                .post()
                .uri("/experiments")
                .contentType(MediaType.APPLICATION_JSON)
                .header("PAYMENT-SIGNATURE", payment)
                .bodyValue(sweep)
                .exchange()
                .expectStatus()
                .isAccepted());

    // Settled before the cases were queued, and credited as a purchase of their credits.
    assertThat(FACILITATOR.settlements()).isEqualTo(settlementsBefore + 1);
    UUID account = UUID.fromString(agent.accountId());
    assertThat(
            count(
                "SELECT COUNT(*) FROM x402_payments WHERE account_id = ? AND state = 'SETTLED'"
                    + " AND run_id = ?",
                account,
                UUID.fromString((String) accepted.get("experiment_id"))))
        .isEqualTo(1);
    long bought =
        count(
            "SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"
                + " WHERE account_id = ? AND kind = 'PURCHASE'",
            account);
    @SuppressWarnings("unchecked")
    Map<String, Object> quote = (Map<String, Object>) accepted.get("quote");
    assertThat(bought).isEqualTo(((Number) quote.get("credits")).longValue());

    Map<String, Object> replay =
        body(
            agent
                .client()
                .post()
                .uri("/experiments")
                .contentType(MediaType.APPLICATION_JSON)
                .header("PAYMENT-SIGNATURE", payment)
                .bodyValue(sweep)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    assertThat((String) replay.get("detail")).contains("presented before");
    assertThat(FACILITATOR.settlements()).isEqualTo(settlementsBefore + 1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND kind = 'PURCHASE'",
                account))
        .isEqualTo(1);
  }

  private static EntityExchangeResult<Map> paymentRequired(Customer customer, String run) {
    return simulate(customer.client(), run)
        .expectStatus()
        .isEqualTo(HttpStatus.PAYMENT_REQUIRED)
        .expectHeader()
        .exists("PAYMENT-REQUIRED")
        .expectBody(Map.class)
        .returnResult();
  }

  private static WebTestClient.ResponseSpec pay(Customer customer, String run, String payment) {
    return customer
        .client()
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .header("PAYMENT-SIGNATURE", payment)
        .bodyValue(run)
        .exchange();
  }
}
