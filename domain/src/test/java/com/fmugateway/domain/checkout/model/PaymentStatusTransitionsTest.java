package com.fmugateway.domain.checkout.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.shared.model.Transition;
import com.fmugateway.domain.shared.model.Transitions.IllegalTransitionException;
import org.junit.jupiter.api.Test;

/** A checkout's transition table: every move it allows, and every one it refuses. */
class PaymentStatusTransitionsTest {

  @Test
  void givenPending_reopen_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.PENDING.to(PaymentStatus.PENDING))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PENDING, PaymentStatus.PENDING))
        .isFalse();
  }

  @Test
  void givenPending_pay_isAllowed() {
    assertThat(PaymentStatus.PENDING.to(PaymentStatus.PAID))
        .isEqualTo(new Transition<>(PaymentStatus.PENDING, PaymentStatus.PAID));
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PENDING, PaymentStatus.PAID))
        .isTrue();
  }

  @Test
  void givenPending_expire_isAllowed() {
    assertThat(PaymentStatus.PENDING.to(PaymentStatus.EXPIRED))
        .isEqualTo(new Transition<>(PaymentStatus.PENDING, PaymentStatus.EXPIRED));
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PENDING, PaymentStatus.EXPIRED))
        .isTrue();
  }

  @Test
  void givenPending_fail_isAllowed() {
    assertThat(PaymentStatus.PENDING.to(PaymentStatus.FAILED))
        .isEqualTo(new Transition<>(PaymentStatus.PENDING, PaymentStatus.FAILED));
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PENDING, PaymentStatus.FAILED))
        .isTrue();
  }

  @Test
  void givenPaid_reopen_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.PAID.to(PaymentStatus.PENDING))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PAID, PaymentStatus.PENDING))
        .isFalse();
  }

  @Test
  void givenPaid_pay_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.PAID.to(PaymentStatus.PAID))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PAID, PaymentStatus.PAID)).isFalse();
  }

  @Test
  void givenPaid_expire_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.PAID.to(PaymentStatus.EXPIRED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PAID, PaymentStatus.EXPIRED))
        .isFalse();
  }

  @Test
  void givenPaid_fail_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.PAID.to(PaymentStatus.FAILED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.PAID, PaymentStatus.FAILED))
        .isFalse();
  }

  @Test
  void givenExpired_reopen_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.EXPIRED.to(PaymentStatus.PENDING))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.EXPIRED, PaymentStatus.PENDING))
        .isFalse();
  }

  @Test
  void givenExpired_pay_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.EXPIRED.to(PaymentStatus.PAID))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.EXPIRED, PaymentStatus.PAID))
        .isFalse();
  }

  @Test
  void givenExpired_expire_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.EXPIRED.to(PaymentStatus.EXPIRED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.EXPIRED, PaymentStatus.EXPIRED))
        .isFalse();
  }

  @Test
  void givenExpired_fail_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.EXPIRED.to(PaymentStatus.FAILED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.EXPIRED, PaymentStatus.FAILED))
        .isFalse();
  }

  @Test
  void givenFailed_reopen_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.FAILED.to(PaymentStatus.PENDING))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.FAILED, PaymentStatus.PENDING))
        .isFalse();
  }

  @Test
  void givenFailed_pay_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.FAILED.to(PaymentStatus.PAID))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.FAILED, PaymentStatus.PAID))
        .isFalse();
  }

  @Test
  void givenFailed_expire_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.FAILED.to(PaymentStatus.EXPIRED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.FAILED, PaymentStatus.EXPIRED))
        .isFalse();
  }

  @Test
  void givenFailed_fail_isRefused() {
    assertThatThrownBy(() -> PaymentStatus.FAILED.to(PaymentStatus.FAILED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(PaymentStatus.TRANSITIONS.allows(PaymentStatus.FAILED, PaymentStatus.FAILED))
        .isFalse();
  }

  @Test
  void theTable_holdsExactlyTheseTransitions() {
    assertThat(PaymentStatus.TRANSITIONS.all())
        .containsExactlyInAnyOrder(
            new Transition<>(PaymentStatus.PENDING, PaymentStatus.PAID),
            new Transition<>(PaymentStatus.PENDING, PaymentStatus.EXPIRED),
            new Transition<>(PaymentStatus.PENDING, PaymentStatus.FAILED));
  }

  @Test
  void aProviderReport_isAPaymentStatus_soOnlyAPendingCheckoutHasSomewhereToGo() {
    assertThat(PaymentStatus.TRANSITIONS.next(PaymentStatus.PENDING))
        .containsExactly(PaymentStatus.PAID, PaymentStatus.EXPIRED, PaymentStatus.FAILED);
    assertThat(PaymentStatus.TRANSITIONS.next(PaymentStatus.PAID)).isEmpty();
  }
}
