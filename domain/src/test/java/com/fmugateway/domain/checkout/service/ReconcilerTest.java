package com.fmugateway.domain.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.Reconciliation;
import com.fmugateway.domain.checkout.model.WebhookOutcome;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.fixtures.PaymentWorld;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checkouts whose webhook was lost are settled by asking the provider, as a webhook would. */
class ReconcilerTest {

  private final PaymentWorld world = new PaymentWorld(0);
  private final AccountId alice = world.newAccount();

  @Test
  void aPaymentWhoseWebhookWasLost_isSettledOnceByAskingTheProvider() {
    PaymentSession session = checkout();
    var lost = world.provider.pay(session.providerSessionId());
    world.clock.advance(Duration.ofMinutes(3));

    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(1, 1, 0));

    assertThat(status(session)).isEqualTo(PaymentStatus.PAID);
    assertThat(world.tokens.all()).hasSize(1);
    assertThat(world.deliver(lost).block()).isEqualTo(WebhookOutcome.UNCHANGED);
    assertThat(world.tokens.all()).hasSize(1);
  }

  @Test
  void aFreshCheckout_isNotAskedAbout() {
    checkout();
    world.clock.advance(Duration.ofSeconds(90));

    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(0, 0, 0));
    assertThat(world.provider.statusQueries()).isEmpty();
  }

  @Test
  void aCheckoutStillPending_isAskedAgainOnlyAfterTheRecheckInterval() {
    PaymentSession session = checkout();
    world.clock.advance(Duration.ofMinutes(3));

    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(1, 0, 0));
    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(0, 0, 0));
    world.clock.advance(Duration.ofMinutes(1));
    world.provider.expire(session.providerSessionId());
    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(1, 1, 0));

    assertThat(status(session)).isEqualTo(PaymentStatus.EXPIRED);
  }

  @Test
  void aProviderThatIsDownOrStillPending_leavesTheCheckoutPendingForALaterPass() {
    PaymentSession session = checkout();
    world.provider.pay(session.providerSessionId());
    world.clock.advance(Duration.ofMinutes(3));

    world.provider.unavailable(true);
    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(1, 0, 1));
    world.provider.unavailable(false);
    world.provider.stayPending(true);
    world.clock.advance(Duration.ofMinutes(1));
    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(1, 0, 0));
    assertThat(status(session)).isEqualTo(PaymentStatus.PENDING);

    world.provider.stayPending(false);
    world.clock.advance(Duration.ofMinutes(1));
    assertThat(world.reconciliation.reconcile().block()).isEqualTo(new Reconciliation(1, 1, 0));
    assertThat(status(session)).isEqualTo(PaymentStatus.PAID);
  }

  private PaymentStatus status(PaymentSession session) {
    return world.sessions.find(session.id()).block().status();
  }

  private PaymentSession checkout() {
    return world
        .checkoutService
        .start(
            new StartCheckoutCommand(
                alice, Optional.empty(), Optional.empty(), CheckoutOptions.DEFAULT))
        .block()
        .session();
  }
}
