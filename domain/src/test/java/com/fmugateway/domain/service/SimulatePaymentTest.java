package com.fmugateway.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.common.NotFoundException;
import com.fmugateway.domain.model.credit.EntryKind;
import com.fmugateway.domain.model.credit.PaymentRequiredException;
import com.fmugateway.domain.model.payment.CheckoutOptions;
import com.fmugateway.domain.model.payment.CheckoutState;
import com.fmugateway.domain.model.payment.Money;
import com.fmugateway.domain.model.payment.PaymentGoneException;
import com.fmugateway.domain.model.payment.PaymentMethod;
import com.fmugateway.domain.model.payment.PaymentOffer;
import com.fmugateway.domain.model.payment.PaymentSession;
import com.fmugateway.domain.model.payment.PaymentTokenMint;
import com.fmugateway.domain.model.payment.PaymentTokenState;
import com.fmugateway.domain.model.run.RunRecord;
import com.fmugateway.domain.model.simulation.SimulationFailedException;
import com.fmugateway.domain.model.simulation.SimulationReport;
import com.fmugateway.domain.port.in.SimulateCommand;
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
    PaymentRequiredException required = paymentRequired(command(alice, 1.0, credits()));

    PaymentOffer offer = required.offer().orElseThrow();
    assertThat(required.isQuoteOnly()).isFalse();
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
                new SimulateCommand.Payment(
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

    PaymentRequiredException quote = null;
    try {
      rich.simulate.simulate(command(bob, 1.0, quoteOnly())).block();
    } catch (PaymentRequiredException e) {
      quote = e;
    }

    assertThat(quote).isNotNull();
    assertThat(quote.isQuoteOnly()).isTrue();
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

    SimulationReport report = world.simulate.simulate(command(alice, 1.0, token(token))).block();

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
    world.simulate.simulate(command(alice, 1.0, token(token))).block();

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

    assertThat(world.simulate.simulate(command(alice, 1.0, token(token))).block()).isNotNull();
  }

  @Test
  void givenATokenAnotherRunIsUsing_simulate_returnsGone() {
    String token = paidToken(alice);
    world
        .tokens
        .reserve(PaymentTokenMint.hash(tokenSecret(token)), alice, world.clock.now())
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
    rich.simulate.simulate(command(bob, 1.0, credits())).block();
    PaymentSession session =
        rich.checkoutService
            .start(
                new com.fmugateway.domain.port.in.StartCheckoutCommand(
                    bob, Optional.empty(), Optional.empty(), CheckoutOptions.DEFAULT))
            .block()
            .session();
    rich.deliver(rich.provider.pay(session.providerSessionId())).block();
    String token =
        ((CheckoutState.PaidRun) rich.checkoutService.checkout(bob, session.id().value()).block())
            .token()
            .reveal();

    rich.simulate.simulate(command(bob, 1.0, token(token))).block();

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

  private PaymentRequiredException paymentRequired(SimulateCommand command) {
    PaymentRequiredException[] caught = new PaymentRequiredException[1];
    StepVerifier.create(world.simulate.simulate(command))
        .expectErrorSatisfies(
            e -> {
              assertThat(e).isInstanceOf(PaymentRequiredException.class);
              caught[0] = (PaymentRequiredException) e;
            })
        .verify();
    return caught[0];
  }

  private static com.fmugateway.domain.model.payment.PaymentTokenSecret tokenSecret(String token) {
    return com.fmugateway.domain.model.payment.PaymentTokenSecret.of(token);
  }

  private static SimulateCommand.Payment credits() {
    return SimulateCommand.Payment.CREDITS;
  }

  private static SimulateCommand.Payment quoteOnly() {
    return new SimulateCommand.Payment(Optional.empty(), true, CheckoutOptions.DEFAULT);
  }

  private static SimulateCommand.Payment token(String token) {
    return new SimulateCommand.Payment(Optional.of(token), false, CheckoutOptions.DEFAULT);
  }

  private static SimulateCommand command(
      AccountId caller, double stopTime, SimulateCommand.Payment payment) {
    return new SimulateCommand(
        caller,
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
        payment);
  }
}
