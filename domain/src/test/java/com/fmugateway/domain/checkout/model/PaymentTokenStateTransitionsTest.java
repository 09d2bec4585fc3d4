package com.fmugateway.domain.checkout.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.shared.model.Transition;
import com.fmugateway.domain.shared.model.Transitions.IllegalTransitionException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A payment token's transition table: every move it allows, and every one it refuses. */
class PaymentTokenStateTransitionsTest {

  @Test
  void givenReady_release_isRefused() {
    assertThatThrownBy(() -> PaymentTokenState.READY.to(PaymentTokenState.READY))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(PaymentTokenState.READY, PaymentTokenState.READY))
        .isFalse();
  }

  @Test
  void givenReady_reserve_isAllowed() {
    assertThat(PaymentTokenState.READY.to(PaymentTokenState.RESERVED))
        .isEqualTo(new Transition<>(PaymentTokenState.READY, PaymentTokenState.RESERVED));
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.READY, PaymentTokenState.RESERVED))
        .isTrue();
  }

  @Test
  void givenReady_consume_isRefused() {
    assertThatThrownBy(() -> PaymentTokenState.READY.to(PaymentTokenState.CONSUMED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.READY, PaymentTokenState.CONSUMED))
        .isFalse();
  }

  @Test
  void givenReserved_release_isAllowed() {
    assertThat(PaymentTokenState.RESERVED.to(PaymentTokenState.READY))
        .isEqualTo(new Transition<>(PaymentTokenState.RESERVED, PaymentTokenState.READY));
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.RESERVED, PaymentTokenState.READY))
        .isTrue();
  }

  @Test
  void givenReserved_reserve_isRefused() {
    assertThatThrownBy(() -> PaymentTokenState.RESERVED.to(PaymentTokenState.RESERVED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.RESERVED, PaymentTokenState.RESERVED))
        .isFalse();
  }

  @Test
  void givenReserved_consume_isAllowed() {
    assertThat(PaymentTokenState.RESERVED.to(PaymentTokenState.CONSUMED))
        .isEqualTo(new Transition<>(PaymentTokenState.RESERVED, PaymentTokenState.CONSUMED));
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.RESERVED, PaymentTokenState.CONSUMED))
        .isTrue();
  }

  @Test
  void givenConsumed_release_isRefused() {
    assertThatThrownBy(() -> PaymentTokenState.CONSUMED.to(PaymentTokenState.READY))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.CONSUMED, PaymentTokenState.READY))
        .isFalse();
  }

  @Test
  void givenConsumed_reserve_isRefused() {
    assertThatThrownBy(() -> PaymentTokenState.CONSUMED.to(PaymentTokenState.RESERVED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.CONSUMED, PaymentTokenState.RESERVED))
        .isFalse();
  }

  @Test
  void givenConsumed_consume_isRefused() {
    assertThatThrownBy(() -> PaymentTokenState.CONSUMED.to(PaymentTokenState.CONSUMED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            PaymentTokenState.TRANSITIONS.allows(
                PaymentTokenState.CONSUMED, PaymentTokenState.CONSUMED))
        .isFalse();
  }

  @Test
  void theTable_holdsExactlyTheseTransitions() {
    assertThat(PaymentTokenState.TRANSITIONS.all())
        .containsExactlyInAnyOrder(
            new Transition<>(PaymentTokenState.READY, PaymentTokenState.RESERVED),
            new Transition<>(PaymentTokenState.RESERVED, PaymentTokenState.CONSUMED),
            new Transition<>(PaymentTokenState.RESERVED, PaymentTokenState.READY));
  }

  @Test
  void aMoveTheTableRefuses_cannotEvenBeAskedOfAStore() {
    assertThatThrownBy(
            () ->
                new PaymentTokenMove(
                    new Transition<>(PaymentTokenState.CONSUMED, PaymentTokenState.READY),
                    Instant.EPOCH,
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalTransitionException.class);
  }
}
