package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.checkout.model.Reconciliation;
import com.fmugateway.domain.checkout.port.in.ReconcilePaymentsUseCase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A payment whose webhook never arrives is found by asking the provider. */
class PaymentReconciliationIT extends AbstractFakeProviderIT {

  @Autowired ReconcilePaymentsUseCase reconciliation;

  @Test
  void aLostWebhook_isMadeUpForByReconciliation() {
    Customer alice = customer();
    String sessionId = checkoutOf402(alice);
    var lost = provider.pay(provider.providerSession(sessionId));
    alice
        .client()
        .get()
        .uri("/payments/checkout/" + sessionId)
        .exchange()
        .expectStatus()
        .isAccepted();

    Reconciliation pass = reconciliation.reconcile().block(Duration.ofSeconds(30));

    assertThat(pass.settled()).isPositive();
    String token = token(alice.client(), sessionId);
    deliver(lost).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("unchanged");
    readToTheEnd(simulate(alice.client(), withToken(token)).expectStatus().isOk());
    assertThat(count("SELECT COUNT(*) FROM payment_tokens WHERE session_id = ?", sessionId))
        .isEqualTo(1);
  }
}
