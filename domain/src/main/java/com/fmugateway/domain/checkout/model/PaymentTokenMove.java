package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.shared.model.Transition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of a token's life asked of the store: a transition from {@link
 * PaymentTokenState#TRANSITIONS}, when it happens, and what the step needs. Reserving is only for
 * the token's {@code owner} while the token is unexpired at {@code at}; consuming records the run.
 */
public record PaymentTokenMove(
    Transition<PaymentTokenState> transition,
    Instant at,
    Optional<AccountId> owner,
    Optional<UUID> runId) {

  public PaymentTokenMove {
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(runId, "runId");
    PaymentTokenState.TRANSITIONS.between(transition.from(), transition.to());
    if ((transition.to() == PaymentTokenState.RESERVED) != owner.isPresent()) {
      throw new IllegalArgumentException("only a reservation names the owner");
    }
    if ((transition.to() == PaymentTokenState.CONSUMED) != runId.isPresent()) {
      throw new IllegalArgumentException("only consuming names the run");
    }
  }

  /** Ready → reserved, for the owner, if unexpired at {@code at}. */
  public static PaymentTokenMove reserve(AccountId owner, Instant at) {
    return new PaymentTokenMove(
        PaymentTokenState.RESERVE, at, Optional.of(owner), Optional.empty());
  }

  /** Reserved → consumed by run {@code runId}. */
  public static PaymentTokenMove consume(UUID runId, Instant at) {
    return new PaymentTokenMove(
        PaymentTokenState.CONSUME, at, Optional.empty(), Optional.of(runId));
  }

  /** Reserved → ready again, for a run that failed. */
  public static PaymentTokenMove release(Instant at) {
    return new PaymentTokenMove(PaymentTokenState.RELEASE, at, Optional.empty(), Optional.empty());
  }

  public PaymentTokenState expected() {
    return transition.from();
  }

  public PaymentTokenState next() {
    return transition.to();
  }
}
