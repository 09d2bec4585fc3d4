package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentOffer;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.model.PaymentTokenMove;
import com.fmugateway.domain.checkout.model.PaymentTokenState;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code /simulate} and money: the 402 with its checkout, quotes, and runs paid by a token. */
class SimulatePaymentTest {

  private final PaymentWorld world = new PaymentWorld(0);
  private final AccountId alice = world.newAccount();

  @Test
  void givenNoCredits_simulate_isPaymentRequiredWithACheckoutForThisRequest() {
    PaymentDemand required = paymentRequired(command(alice, 1.0, credits()));

    PaymentOffer offer = required.offer().orElseThrow();
    assertThat(required.quoteOnly()).isFalse();
    assertThat(required.quote()).isEqualTo(10);
    assertThat(required.balance()).isZero();
    assertThat(offer.fmuId()).isEqualTo("lib:AllTypes");
    assertThat(offer.amount()).isEqualTo(new Money(100, "usd"));
    assertThat(offer.methods()).containsExactly(PaymentMethod.CARD, PaymentMethod.CRYPTO);
    assertThat(offer.method()).contains(PaymentMethod.CARD);
    assertThat(offer.checkout()).get().extracting(PaymentSession::account).isEqualTo(alice);
    assertThat(world.simulator.jobs()).isEmpty();
    assertThat(world.ledger.entries(alice, 10).collectList().block()).isEmpty();
  }

  @Test
  void givenTheSameRequestAgain_the402sShareOneCheckoutAndAnotherRequestGetsItsOwn() {
    PaymentSession first = checkoutOf(command(alice, 1.0, credits()));
    PaymentSession again = checkoutOf(command(alice, 1.0, credits()));
    PaymentSession other = checkoutOf(command(alice, 2.0, credits()));
    PaymentSession crypto =
        checkoutOf(
            command(
                alice,
                1.0,
                new PaymentChoice(
                    Optional.empty(), false, CheckoutOptions.parse("crypto", null, null))));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(other.id()).isNotEqualTo(first.id());
    assertThat(crypto.id()).isNotEqualTo(first.id());
    assertThat(crypto.method()).isEqualTo(PaymentMethod.CRYPTO);
    assertThat(world.provider.requests()).hasSize(3);
  }

  @Test
  void givenQuoteOnly_simulate_answersThePriceWithoutACheckoutEvenWithCredits() {
    PaymentWorld rich = new PaymentWorld(100);
    AccountId bob = rich.newAccount();

    SimulationOutcome outcome = rich.simulate.simulate(command(bob, 1.0, quoteOnly())).block();

    assertThat(outcome).isInstanceOf(SimulationOutcome.PaymentRequired.class);
    PaymentDemand quote = ((SimulationOutcome.PaymentRequired) outcome).demand();
    assertThat(quote.quoteOnly()).isTrue();
    assertThat(quote.balance()).isEqualTo(100);
    assertThat(quote.offer().orElseThrow().checkout()).isEmpty();
    assertThat(quote.offer().orElseThrow().amount()).isEqualTo(new Money(100, "usd"));
    assertThat(rich.provider.requests()).isEmpty();
    assertThat(rich.simulator.jobs()).isEmpty();
    assertThat(rich.ledger.balance(bob).block()).isEqualTo(100);
  }

  @Test
  void givenAPaidToken_simulate_runsWithoutTouchingCreditsAndConsumesIt() {
    String token = paidToken(alice);

    SimulationReport report =
        SimulateServiceTest.report(world.simulate.simulate(command(alice, 1.0, token(token))));

    assertThat(report.costCredits()).isZero();
    assertThat(report.quotedCredits()).isZero();
    assertThat(report.payment())
        .hasValueSatisfying(p -> assertThat(p.amount()).isEqualTo(new Money(100, "usd")));
    assertThat(world.ledger.entries(alice, 10).collectList().block()).isEmpty();
    assertThat(world.tokens.all())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.state()).isEqualTo(PaymentTokenState.CONSUMED);
              assertThat(world.tokens.consumedBy(t.hash())).isEqualTo(report.runId());
            });
    assertThat(world.history.all())
        .singleElement()
        .satisfies(run -> assertThat(run.status()).isEqualTo(RunRecord.RunStatus.SUCCEEDED));
    assertThat(world.audit.actions()).endsWith("payment_token.consumed");
  }

  @Test
  void givenTokenAlreadyConsumed_simulate_returnsGone() {
    String token = paidToken(alice);
    SimulateServiceTest.report(world.simulate.simulate(command(alice, 1.0, token(token))));

    StepVerifier.create(world.simulate.simulate(command(alice, 1.0, token(token))))
        .expectErrorSatisfies(
            e ->
                assertThat(e).isInstanceOf(PaymentGoneException.class).hasMessageContaining("used"))
        .verify();
    assertThat(world.simulator.jobs()).hasSize(1);
  }

  @Test
  void givenAFailedRun_theTokenIsReadyForTheNextOne() {
    String token = paidToken(alice);
    world.simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.CRASHED, "signal 11", List.of()));

    StepVerifier.create(world.simulate.simulate(command(alice, 1.0, token(token))))
        .expectError(SimulationFailedException.class)
        .verify();
    assertThat(world.tokens.all().get(0).state()).isEqualTo(PaymentTokenState.READY);

    assertThat(
            SimulateServiceTest.report(world.simulate.simulate(command(alice, 1.0, token(token)))))
        .isNotNull();
  }

  @Test
  void givenATokenAnotherRunIsUsing_simulate_returnsGone() {
    String token = paidToken(alice);
    world
        .tokens
        .move(
            PaymentTokenMint.hash(tokenSecret(token)),
            PaymentTokenMove.reserve(alice, world.clock.now()))
        .block();

    StepVerifier.create(world.simulate.simulate(command(alice, 1.0, token(token))))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(PaymentGoneException.class)
                    .hasMessageContaining("another run"))
        .verify();
  }

  @Test
  void givenAnExpiredToken_simulate_returnsGone() {
    String token = paidToken(alice);
    world.clock.advance(PaymentWorld.TOKEN_TTL);

    StepVerifier.create(world.simulate.simulate(command(alice, 1.0, token(token))))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(PaymentGoneException.class)
                    .hasMessageContaining("expired"))
        .verify();
  }

  @Test
  void givenAnotherAccountsOrAnUnknownToken_simulate_isNotFound() {
    String token = paidToken(alice);
    AccountId mallory = world.newAccount();

    StepVerifier.create(world.simulate.simulate(command(mallory, 1.0, token(token))))
        .expectError(NotFoundException.class)
        .verify();
    StepVerifier.create(world.simulate.simulate(command(alice, 1.0, token("pt_guess"))))
        .expectError(NotFoundException.class)
        .verify();
    assertThat(world.tokens.all().get(0).state()).isEqualTo(PaymentTokenState.READY);
  }

  @Test
  void givenCreditsAndAToken_theTokenPays() {
    PaymentWorld rich = new PaymentWorld(100);
    AccountId bob = rich.newAccount();
    SimulateServiceTest.report(rich.simulate.simulate(command(bob, 1.0, credits())));
    PaymentSession session =
        rich.checkoutService
            .start(
                new com.fmugateway.domain.checkout.port.in.StartCheckoutCommand(
                    bob, Optional.empty(), Optional.empty(), CheckoutOptions.DEFAULT))
            .block()
            .session();
    rich.deliver(rich.provider.pay(session.providerSessionId())).block();
    String token =
        ((CheckoutState.PaidRun) rich.checkoutService.checkout(bob, session.id().value()).block())
            .token()
            .reveal();

    SimulateServiceTest.report(rich.simulate.simulate(command(bob, 1.0, token(token))));

    assertThat(rich.ledger.balance(bob).block()).isEqualTo(90);
    assertThat(rich.ledger.totalSince(bob, EntryKind.HOLD, java.time.Instant.EPOCH).block())
        .isEqualTo(10);
  }

  private String paidToken(AccountId owner) {
    PaymentSession session = checkoutOf(command(owner, 1.0, credits()));
    world.clock.advance(Duration.ofSeconds(30));
    world.deliver(world.provider.pay(session.providerSessionId())).block();
    CheckoutState state = world.checkoutService.checkout(owner, session.id().value()).block();
    return ((CheckoutState.PaidRun) state).token().reveal();
  }

  private PaymentSession checkoutOf(SimulateCommand command) {
    return paymentRequired(command).offer().orElseThrow().checkout().orElseThrow();
  }

  private PaymentDemand paymentRequired(SimulateCommand command) {
    SimulationOutcome outcome = world.simulate.simulate(command).block();
    assertThat(outcome).isInstanceOf(SimulationOutcome.PaymentRequired.class);
    return ((SimulationOutcome.PaymentRequired) outcome).demand();
  }

  private static com.fmugateway.domain.checkout.model.PaymentTokenSecret tokenSecret(String token) {
    return com.fmugateway.domain.checkout.model.PaymentTokenSecret.of(token);
  }

  private static PaymentChoice credits() {
    return PaymentChoice.CREDITS;
  }

  private static PaymentChoice quoteOnly() {
    return new PaymentChoice(Optional.empty(), true, CheckoutOptions.DEFAULT);
  }

  private static PaymentChoice token(String token) {
    return new PaymentChoice(Optional.of(token), false, CheckoutOptions.DEFAULT);
  }

  private static SimulateCommand command(AccountId caller, double stopTime, PaymentChoice payment) {
    return new SimulateCommand(
        caller,
        Tier.FREE,
        PaymentWorld.MODEL,
        OptionalDouble.empty(),
        OptionalDouble.of(stopTime),
        OptionalDouble.empty(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        payment,
        Map.of());
  }
}
