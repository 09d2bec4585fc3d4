package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.Transition;
import com.fmugateway.domain.shared.model.Transitions;
import java.util.Locale;

/**
 * Where a checkout stands, in the gateway and as a provider reports it. Only a pending checkout
 * changes, and only once: to paid, expired or failed ({@link #TRANSITIONS}). Paid is final, so a
 * late or replayed "expired" never takes back a payment.
 */
public enum PaymentStatus {
  PENDING,
  PAID,
  EXPIRED,
  FAILED;

  /** A checkout's life cycle: the one table stores and services move sessions by. */
  public static final Transitions<PaymentStatus> TRANSITIONS =
      Transitions.of(
          Transitions.move(PENDING, PAID),
          Transitions.move(PENDING, EXPIRED),
          Transitions.move(PENDING, FAILED));

  /**
   * The move from this status to {@code next}; throws {@link
   * Transitions.IllegalTransitionException} for one the table does not allow.
   */
  public Transition<PaymentStatus> to(PaymentStatus next) {
    return TRANSITIONS.between(this, next);
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
