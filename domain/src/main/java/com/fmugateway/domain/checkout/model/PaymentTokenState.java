package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.Transition;
import com.fmugateway.domain.shared.model.Transitions;

/**
 * A payment token's life: ready once its checkout is paid, reserved while a run uses it (back to
 * ready if the run fails or its gateway dies), consumed when the run succeeds. Consumed is final.
 */
public enum PaymentTokenState {
  READY,
  RESERVED,
  CONSUMED;

  /** A run starts with the token. */
  public static final Transition<PaymentTokenState> RESERVE = Transitions.move(READY, RESERVED);

  /** The run succeeded: the token is spent. */
  public static final Transition<PaymentTokenState> CONSUME = Transitions.move(RESERVED, CONSUMED);

  /** The run failed, or its gateway died: the token may pay for another. */
  public static final Transition<PaymentTokenState> RELEASE = Transitions.move(RESERVED, READY);

  /** A token's life cycle: the one table stores and services move tokens by. */
  public static final Transitions<PaymentTokenState> TRANSITIONS =
      Transitions.of(RESERVE, CONSUME, RELEASE);

  /** The move from this state to {@code next}; refused if the table does not allow it. */
  public Transition<PaymentTokenState> to(PaymentTokenState next) {
    return TRANSITIONS.between(this, next);
  }
}
