package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Money that arrives after its checkout expired, as Coinbase Commerce reports it (the charge
 * expires, the customer pays anyway, the merchant resolves the delayed payment): the gateway does
 * not deliver what the checkout was for, and audits {@code payment.paid_late} for an operator to
 * refund or honour.
 */
class LatePaymentIT extends AbstractRealProvidersIT {

  private final Rail crypto = new CoinbaseRail(COINBASE);

  @Test
  void aRunPaidAfterItsCheckoutExpired_getsNoTokenAndIsAuditedAsPaidLate() {
    Customer alice = customer();
    Map<String, Object> required =
        body(
            simulate(alice.client(), run(crypto))
                .expectStatus()
                .isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    String sessionId = (String) required.get("session_id");
    String chargeId = (String) open((String) required.get("checkout_url")).get("id");
    assertThat(deliver(crypto, COINBASE.expire(chargeId))).containsExactly(200);
    checkout(alice, sessionId).expectStatus().isEqualTo(HttpStatus.GONE);

    payLate(chargeId);

    checkout(alice, sessionId).expectStatus().isEqualTo(HttpStatus.GONE);
    Map<String, Object> again =
        body(
            simulate(alice.client(), run(crypto))
                .expectStatus()
                .isEqualTo(HttpStatus.PAYMENT_REQUIRED));
    assertThat(again.get("session_id")).isNotEqualTo(sessionId);
    assertPaidLate(sessionId, chargeId, "1.00 usd");
  }

  @Test
  void aPackPaidAfterItsCheckoutExpired_addsNoCreditsAndIsAuditedAsPaidLate() {
    Customer alice = customer();
    Map<String, Object> checkout =
        body(
            post(alice, "/credits/checkout", "{\"pack\":\"10\",\"payment_method\":\"crypto\"}")
                .expectStatus()
                .isCreated());
    String sessionId = (String) checkout.get("session_id");
    String chargeId = (String) open((String) checkout.get("checkout_url")).get("id");
    assertThat(deliver(crypto, COINBASE.expire(chargeId))).containsExactly(200);

    payLate(chargeId);

    checkout(alice, sessionId).expectStatus().isEqualTo(HttpStatus.GONE);
    alice.client().get().uri("/account").exchange().expectBody().jsonPath("$.credits").isEqualTo(0);
    assertPaidLate(sessionId, chargeId, "8.00 usd");
  }

  /**
   * The customer pays the expired charge, Coinbase says so (which the gateway leaves to the
   * merchant), and the merchant resolves it: Coinbase reports it paid, twice.
   */
  private void payLate(String chargeId) {
    assertThat(deliver(crypto, COINBASE.payLate(chargeId))).containsExactly(200);
    COINBASE.deliverTwice(true);
    try {
      assertThat(deliver(crypto, COINBASE.resolve(chargeId))).containsExactly(200, 200);
    } finally {
      COINBASE.deliverTwice(false);
    }
  }

  /** An operator finds one payment.paid_late with what it takes to refund it. */
  @SuppressWarnings("unchecked")
  private void assertPaidLate(String sessionId, String chargeId, String amount) {
    List<Map<String, Object>> events = auditOf(sessionId);
    assertThat(events)
        .extracting(e -> e.get("action"))
        .containsExactly("payment.paid_late", "payment.expired", "payment.opened");
    assertThat((Map<String, Object>) events.get(0).get("details"))
        .containsEntry("status", "expired")
        .containsEntry("provider", "coinbase")
        .containsEntry("provider_session", chargeId)
        .containsEntry("amount", amount);
  }
}
