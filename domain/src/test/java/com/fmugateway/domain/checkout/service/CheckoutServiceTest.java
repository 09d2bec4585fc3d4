package com.fmugateway.domain.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.Checkout;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.model.PaymentTokenMove;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.shared.model.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class CheckoutServiceTest {

  private final PaymentWorld world = new PaymentWorld(0);
  private final AccountId alice = world.newAccount();

  @Test
  void aRunCheckout_isOpenedAtTheProviderWithAnIdempotencyKeyOfOurSession() {
    Checkout checkout = start(alice, run(CheckoutOptions.DEFAULT));

    PaymentSession session = checkout.session();
    assertThat(checkout.reused()).isFalse();
    assertThat(checkout.methods()).containsExactly(PaymentMethod.CARD, PaymentMethod.CRYPTO);
    assertThat(session.purpose()).isEqualTo(PaymentPurpose.RUN);
    assertThat(session.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(session.amount()).isEqualTo(new Money(100, "usd"));
    assertThat(session.provider()).isEqualTo(ProviderId.SANDBOX);
    assertThat(session.expiresAt()).isEqualTo(world.clock.now().plus(PaymentWorld.SESSION_TTL));
    CheckoutRequest sent = world.provider.request(session.providerSessionId());
    assertThat(sent.reference()).isEqualTo(session.id().value());
    assertThat(sent.idempotencyKey()).isEqualTo("checkout:" + session.id().value());
    assertThat(sent.successUrl()).isEqualTo("https://gw.example/paid?session_id=" + session.id());
    assertThat(sent.description()).contains("lib:BouncingBall");
    assertThat(world.sessions.find(alice, session.id()).block()).isEqualTo(session);
    assertThat(world.audit.actions()).containsExactly("payment.opened");
  }

  @Test
  void theCallersReturnUrls_getTheSessionIdWhereTheyAskForIt() {
    Checkout checkout =
        start(
            alice,
            run(
                CheckoutOptions.parse(
                    "card",
                    "https://app.example/back?checkout={session_id}",
                    "https://app.example/cancelled")));

    CheckoutRequest sent = world.provider.request(checkout.session().providerSessionId());
    assertThat(sent.successUrl())
        .isEqualTo("https://app.example/back?checkout=" + checkout.session().id().value());
    assertThat(sent.cancelUrl()).isEqualTo("https://app.example/cancelled");
  }

  @Test
  void aReturnUrlThatIsNotAnAbsoluteHttpUrl_isRejectedNamingTheField() {
    assertThatThrownBy(() -> CheckoutOptions.parse("card", "javascript:alert(1)", null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("successUrl"));
    assertThatThrownBy(() -> CheckoutOptions.parse("card", null, "/relative/{session_id}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cancelUrl"));
  }

  @Test
  void theSameRequestAgain_reusesThePendingCheckoutAndADifferentOneDoesNot() {
    Checkout first = start(alice, run(CheckoutOptions.DEFAULT));
    Checkout again = start(alice, run(CheckoutOptions.DEFAULT));
    Checkout crypto = start(alice, run(CheckoutOptions.parse("crypto", null, null)));
    Checkout otherAccount = start(world.newAccount(), run(CheckoutOptions.DEFAULT));

    assertThat(again.reused()).isTrue();
    assertThat(again.session()).isEqualTo(first.session());
    assertThat(crypto.session().id()).isNotEqualTo(first.session().id());
    assertThat(otherAccount.session().id()).isNotEqualTo(first.session().id());
    assertThat(world.provider.requests()).hasSize(3);
  }

  @Test
  void identicalRequestsArrivingTogether_openOneCheckoutAtTheProviderAndAllAnswerIt() {
    world.provider.holdCreates();
    CompletableFuture<List<Checkout>> answers =
        Flux.range(0, 140)
            .flatMap(i -> world.checkoutService.start(run(CheckoutOptions.DEFAULT)), 140)
            .collectList()
            .toFuture();
    world.provider.answerCreates();

    List<Checkout> checkouts = answers.join();
    assertThat(checkouts).hasSize(140);
    assertThat(checkouts.stream().map(c -> c.session().id()).distinct()).hasSize(1);
    assertThat(checkouts).filteredOn(c -> !c.reused()).hasSize(1);
    assertThat(world.provider.requests()).hasSize(1);
    assertThat(world.audit.actions()).containsExactly("payment.opened");
  }

  @Test
  void aCheckoutAboutToLapse_staysPayableButANewOneAnswersTheRequest() {
    Checkout first = start(alice, run(CheckoutOptions.DEFAULT));
    world.clock.advance(Duration.ofMinutes(56));
    Checkout second = start(alice, run(CheckoutOptions.DEFAULT));
    Checkout third = start(alice, run(CheckoutOptions.DEFAULT));

    assertThat(second.reused()).isFalse();
    assertThat(third.session()).isEqualTo(second.session());
    assertThat(state(alice, first.session())).isInstanceOf(CheckoutState.Pending.class);
  }

  @Test
  void aCheckoutAboutToLapseOrAlreadyPaid_isNotReused() {
    Checkout first = start(alice, run(CheckoutOptions.DEFAULT));
    world.clock.advance(Duration.ofMinutes(56));
    Checkout second = start(alice, run(CheckoutOptions.DEFAULT));
    world.deliver(world.provider.pay(second.session().providerSessionId())).block();
    Checkout third = start(alice, run(CheckoutOptions.DEFAULT));

    assertThat(second.session().id()).isNotEqualTo(first.session().id());
    assertThat(third.session().id()).isNotIn(first.session().id(), second.session().id());
  }

  @Test
  void aProviderThatIsDown_isUnavailableAndLeavesNothingBehind() {
    world.provider.failNextCreate();

    StepVerifier.create(world.checkoutService.start(run(CheckoutOptions.DEFAULT)))
        .expectError(ProviderUnavailableException.class)
        .verify();

    assertThat(world.audit.actions()).isEmpty();
    assertThat(start(alice, run(CheckoutOptions.DEFAULT)).reused()).isFalse();
  }

  @Test
  void aPackCheckout_buysThePacksCreditsAtItsPrice() {
    Checkout checkout = start(alice, pack("50"));

    assertThat(checkout.session().purpose()).isEqualTo(PaymentPurpose.CREDIT_PACK);
    assertThat(checkout.session().packId()).contains("50");
    assertThat(checkout.session().credits()).isEqualTo(500);
    assertThat(checkout.session().amount()).isEqualTo(new Money(3500, "usd"));
    assertThat(world.checkoutService.packs().map(p -> p.id()).collectList().block())
        .containsExactly("10", "50");
  }

  @Test
  void anUnknownPack_isRejectedNamingTheField() {
    StepVerifier.create(world.checkoutService.start(pack("7")))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("10, 50")
                    .extracting(x -> ((InvalidInputException) x).field())
                    .isEqualTo("pack"))
        .verify();
  }

  @Test
  void checkout_isPendingUntilPaidThenShowsTheSameTokenUntilItIsUsed() {
    PaymentSession session = start(alice, run(CheckoutOptions.DEFAULT)).session();
    assertThat(state(alice, session)).isInstanceOf(CheckoutState.Pending.class);

    world.clock.advance(Duration.ofMinutes(3));
    world.deliver(world.provider.pay(session.providerSessionId())).block();
    CheckoutState.PaidRun paid = (CheckoutState.PaidRun) state(alice, session);
    world.clock.advance(Duration.ofMinutes(10));
    CheckoutState.PaidRun again = (CheckoutState.PaidRun) state(alice, session);

    assertThat(again.token()).isEqualTo(paid.token());
    assertThat(paid.token().reveal()).startsWith("pt_").hasSizeGreaterThanOrEqualTo(46);
    assertThat(paid.tokenExpiresAt())
        .isEqualTo(session.createdAt().plus(Duration.ofMinutes(3)).plus(PaymentWorld.TOKEN_TTL));
    assertThat(world.tokens.all()).singleElement();

    var hash = PaymentTokenMint.hash(paid.token());
    world.tokens.move(hash, PaymentTokenMove.reserve(alice, world.clock.now())).block();
    assertThat(state(alice, session)).isInstanceOf(CheckoutState.PaidRun.class);
    world.tokens.move(hash, PaymentTokenMove.consume(UUID.randomUUID(), world.clock.now())).block();
    assertGone(alice, session, "was used");
  }

  @Test
  void givenAPaidRunItsSettlementGaveNoToken_checkout_failsAndMintsNone() {
    PaymentSession session = start(alice, run(CheckoutOptions.DEFAULT)).session();
    world
        .sessions
        .settle(session.id(), PaymentStatus.PENDING.to(PaymentStatus.PAID), world.clock.now())
        .block();

    StepVerifier.create(world.checkoutService.checkout(alice, session.id().value()))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("token"))
        .verify();
    assertThat(world.tokens.all()).isEmpty();
  }

  @Test
  void readingAPaidRunManyTimes_neverMintsAToken_settlementMintedItsOne() {
    PaymentSession session = start(alice, run(CheckoutOptions.DEFAULT)).session();
    world.deliver(world.provider.pay(session.providerSessionId())).block();
    var minted = world.tokens.all();

    state(alice, session);
    state(alice, session);

    assertThat(minted).singleElement();
    assertThat(world.tokens.all()).isEqualTo(minted);
  }

  @Test
  void checkout_ofAnotherAccountOrUnknown_isNotFound() {
    PaymentSession session = start(alice, run(CheckoutOptions.DEFAULT)).session();

    StepVerifier.create(world.checkoutService.checkout(world.newAccount(), session.id().value()))
        .expectError(NotFoundException.class)
        .verify();
    StepVerifier.create(world.checkoutService.checkout(alice, "cs_nope"))
        .expectError(NotFoundException.class)
        .verify();
  }

  @Test
  void checkout_pastItsTimeOrExpiredAtTheProvider_isGone() {
    PaymentSession lapsed = start(alice, run(CheckoutOptions.DEFAULT)).session();
    PaymentSession expired = start(alice, pack("10")).session();
    world.deliver(world.provider.expire(expired.providerSessionId())).block();
    assertGone(alice, expired, "expired");

    world.clock.advance(PaymentWorld.SESSION_TTL);
    assertGone(alice, lapsed, "expired");
  }

  @Test
  void checkout_whoseTokenExpired_isGone() {
    PaymentSession session = start(alice, run(CheckoutOptions.DEFAULT)).session();
    world.deliver(world.provider.pay(session.providerSessionId())).block();

    world.clock.advance(PaymentWorld.TOKEN_TTL);

    assertGone(alice, session, "expired");
  }

  @Test
  void aPaidPack_isReportedPaid() {
    PaymentSession session = start(alice, pack("10")).session();
    world.deliver(world.provider.pay(session.providerSessionId())).block();

    assertThat(state(alice, session)).isInstanceOf(CheckoutState.PaidPack.class);
  }

  private void assertGone(AccountId owner, PaymentSession session, String why) {
    StepVerifier.create(world.checkoutService.checkout(owner, session.id().value()))
        .expectErrorSatisfies(
            e -> assertThat(e).isInstanceOf(PaymentGoneException.class).hasMessageContaining(why))
        .verify();
  }

  private CheckoutState state(AccountId owner, PaymentSession session) {
    return world.checkoutService.checkout(owner, session.id().value()).block();
  }

  private Checkout start(AccountId caller, StartCheckoutCommand command) {
    return world
        .checkoutService
        .start(new StartCheckoutCommand(caller, command.pack(), command.fmuId(), command.options()))
        .block();
  }

  private StartCheckoutCommand run(CheckoutOptions options) {
    return new StartCheckoutCommand(
        alice, Optional.empty(), Optional.of("lib:BouncingBall"), options);
  }

  private StartCheckoutCommand pack(String id) {
    return new StartCheckoutCommand(
        alice, Optional.of(id), Optional.empty(), CheckoutOptions.DEFAULT);
  }
}
