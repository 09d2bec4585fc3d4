package com.fmugateway.domain.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerEntry;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.PaymentTokenState;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.model.WebhookOutcome;
import com.fmugateway.domain.checkout.port.in.HandleWebhookCommand;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.fixtures.FakePaymentProvider;
import com.fmugateway.domain.fixtures.FakePaymentProvider.Delivery;
import com.fmugateway.domain.fixtures.InMemoryTransactions;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.shared.model.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The checkout state machine as webhooks drive it: once, in any order, never backwards. */
class WebhooksTest {

  private final MutableClock clock = MutableClock.atEpochDay();
  private final FakePaymentProvider stripe =
      new FakePaymentProvider(ProviderId.STRIPE, Set.of(PaymentMethod.CARD), clock);
  private final PaymentWorld world = new PaymentWorld(0, clock, List.of(stripe));
  private final AccountId alice = world.newAccount();

  @Test
  void aPaidWebhook_settlesTheCheckoutAndIssuesOneToken() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);

    assertThat(deliver(world.provider.pay(session.providerSessionId())))
        .isEqualTo(WebhookOutcome.APPLIED);

    assertThat(status(session)).isEqualTo(PaymentStatus.PAID);
    assertThat(world.tokens.all())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.session()).isEqualTo(session.id());
              assertThat(t.account()).isEqualTo(alice);
              assertThat(t.state()).isEqualTo(PaymentTokenState.READY);
            });
    assertThat(world.audit.actions()).containsExactly("payment.opened", "payment.paid");
  }

  @Test
  void retriesAndReplays_areAcknowledgedAndChangeNothing() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);
    Delivery paid = world.provider.pay(session.providerSessionId());
    deliver(paid);

    assertThat(deliver(paid)).isEqualTo(WebhookOutcome.DUPLICATE);
    assertThat(deliver(world.provider.resend(paid))).isEqualTo(WebhookOutcome.DUPLICATE);

    assertThat(world.tokens.all()).hasSize(1);
    assertThat(world.events.size()).isEqualTo(1);
    assertThat(world.audit.actions()).containsExactly("payment.opened", "payment.paid");
  }

  @Test
  void forgedAndStaleWebhooks_areRefusedAndChangeNothing() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);
    Delivery expired = world.provider.event(session.providerSessionId(), PaymentStatus.EXPIRED);
    Delivery paid = world.provider.event(session.providerSessionId(), PaymentStatus.PAID);

    assertRefused(expired.forged());
    assertRefused(world.provider.stale(paid));
    assertRefused(
        new Delivery(
            paid.event(), paid.body(), Map.of(FakePaymentProvider.SIGNATURE_HEADER, "t=1,v1=00")));
    assertRefused(new Delivery(paid.event(), paid.body(), Map.of()));

    assertThat(status(session)).isEqualTo(PaymentStatus.PENDING);
    assertThat(world.events.size()).isZero();
    assertThat(world.tokens.all()).isEmpty();
  }

  @Test
  void aLateExpiredAfterThePayment_neverRevokesIt() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);
    deliver(world.provider.pay(session.providerSessionId()));

    assertThat(deliver(world.provider.event(session.providerSessionId(), PaymentStatus.EXPIRED)))
        .isEqualTo(WebhookOutcome.UNCHANGED);
    assertThat(deliver(world.provider.event(session.providerSessionId(), PaymentStatus.FAILED)))
        .isEqualTo(WebhookOutcome.UNCHANGED);

    assertThat(status(session)).isEqualTo(PaymentStatus.PAID);
    assertThat(world.tokens.all())
        .singleElement()
        .extracting(t -> t.state())
        .isEqualTo(PaymentTokenState.READY);
  }

  @Test
  void aPendingEventDeliveredAfterThePayment_changesNothing() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);
    Delivery pending = world.provider.event(session.providerSessionId(), PaymentStatus.PENDING);
    Delivery paid = world.provider.pay(session.providerSessionId());

    assertThat(deliver(paid)).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(deliver(pending)).isEqualTo(WebhookOutcome.UNCHANGED);

    assertThat(status(session)).isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void aPaymentReportedAfterExpiry_keepsTheCheckoutExpiredAndIsAuditedForAnOperator() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);
    deliver(world.provider.expire(session.providerSessionId()));
    Delivery late = world.provider.pay(session.providerSessionId());

    assertThat(deliver(late)).isEqualTo(WebhookOutcome.PAID_LATE);
    assertThat(deliver(late)).isEqualTo(WebhookOutcome.DUPLICATE);

    assertThat(status(session)).isEqualTo(PaymentStatus.EXPIRED);
    assertThat(world.tokens.all()).isEmpty();
    assertThat(world.audit.actions())
        .containsExactly("payment.opened", "payment.expired", "payment.paid_late");
  }

  @Test
  void aFailedPayment_failsTheCheckout() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);

    deliver(world.provider.fail(session.providerSessionId()));

    assertThat(status(session)).isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  void aPaidPack_addsExactlyOnePurchaseHoweverOftenItIsReported() {
    PaymentSession session =
        world
            .checkoutService
            .start(
                new StartCheckoutCommand(
                    alice, Optional.of("10"), Optional.empty(), CheckoutOptions.DEFAULT))
            .block()
            .session();
    Delivery paid = stripe.pay(session.providerSessionId());

    deliver(paid);
    deliver(paid);
    deliver(stripe.resend(paid));
    deliver(stripe.event(session.providerSessionId(), PaymentStatus.PAID));
    world.clock.advance(Duration.ofMinutes(5));
    world.reconciliation.reconcile().block();

    List<LedgerEntry> purchases =
        world
            .ledger
            .entries(alice, 100)
            .filter(e -> e.kind() == EntryKind.PURCHASE)
            .collectList()
            .block();
    assertThat(purchases)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.amount()).isEqualTo(100);
              assertThat(e.idempotencyKey()).isEqualTo(LedgerKey.purchase(session.id().value()));
            });
    assertThat(world.ledger.balance(alice).block()).isEqualTo(100);
    assertThat(world.tokens.all()).isEmpty();
  }

  @Test
  void cardPayments_goToTheRealProviderRatherThanTheSandbox() {
    PaymentSession card = runCheckout(PaymentMethod.CARD);
    PaymentSession crypto = runCheckout(PaymentMethod.CRYPTO);

    assertThat(card.provider()).isEqualTo(ProviderId.STRIPE);
    assertThat(crypto.provider()).isEqualTo(ProviderId.SANDBOX);
    assertThat(card.amount()).isEqualTo(new Money(100, "usd"));
  }

  @Test
  void anotherProvidersEventNamingOurCheckout_isIgnored() {
    PaymentSession sandboxSession = runCheckout(PaymentMethod.CRYPTO);
    String stripeSession =
        stripe
            .createCheckout(
                new CheckoutRequest(
                    sandboxSession.id().value(),
                    alice,
                    new Money(100, "usd"),
                    "x",
                    PaymentMethod.CARD,
                    "https://a.example",
                    "https://a.example",
                    "k"))
            .block()
            .providerSessionId();

    assertThat(deliver(stripe.pay(stripeSession))).isEqualTo(WebhookOutcome.IGNORED);

    assertThat(status(sandboxSession)).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void eventsTheGatewayDoesNotActOn_areAcknowledged() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);

    assertThat(deliver(world.provider.ignoredEvent(session.providerSessionId())))
        .isEqualTo(WebhookOutcome.IGNORED);
  }

  @Test
  void aStoreFailure_failsTheDeliverySoTheProviderRetriesAndLosesNothing() {
    PaymentSession session = runCheckout(PaymentMethod.CRYPTO);
    Delivery paid = world.provider.pay(session.providerSessionId());
    PaymentSettlementService databaseDown =
        world.settlement(
            (provider, event, id, status, at) ->
                Mono.error(new IllegalStateException("database down")),
            new InMemoryTransactions());

    StepVerifier.create(
            databaseDown.handle(new HandleWebhookCommand("sandbox", paid.body(), paid.headers())))
        .expectError(IllegalStateException.class)
        .verify();
    assertThat(status(session)).isEqualTo(PaymentStatus.PENDING);

    assertThat(deliver(world.provider.resend(paid))).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(world.tokens.all()).hasSize(1);
  }

  @Test
  void anUnknownOrUnconfiguredProvider_isNotFound() {
    for (String provider : List.of("paypal", "coinbase")) {
      StepVerifier.create(
              world.webhooks.handle(new HandleWebhookCommand(provider, new byte[0], Map.of())))
          .expectError(NotFoundException.class)
          .verify();
    }
  }

  private void assertRefused(Delivery delivery) {
    StepVerifier.create(world.deliver(delivery))
        .expectError(InvalidWebhookException.class)
        .verify();
  }

  private WebhookOutcome deliver(Delivery delivery) {
    return world.deliver(delivery).block();
  }

  private PaymentStatus status(PaymentSession session) {
    return world.sessions.find(session.id()).block().status();
  }

  private PaymentSession runCheckout(PaymentMethod method) {
    return world
        .checkoutService
        .start(
            new StartCheckoutCommand(
                alice,
                Optional.empty(),
                Optional.empty(),
                new CheckoutOptions(method, Optional.empty(), Optional.empty())))
        .block()
        .session();
  }
}
