package com.fmugateway.domain.checkout.port.out;

import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentToken;
import com.fmugateway.domain.checkout.model.PaymentTokenHash;
import com.fmugateway.domain.checkout.model.PaymentTokenMove;
import com.fmugateway.domain.checkout.model.PaymentTokenState;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Role: keeps payment tokens, at most one per checkout. Each state change is one atomic
 * compare-and-set on the transition it is given (from {@link PaymentTokenState#TRANSITIONS}), so of
 * two runs presenting the same token at once exactly one reserves it.
 */
public interface PaymentTokenStore {

  /** Stores the token unless its session has one already; returns the session's token. */
  Mono<PaymentToken> issue(PaymentToken token);

  Mono<PaymentToken> findBySession(PaymentSessionId session);

  Mono<PaymentToken> findByHash(PaymentTokenHash hash);

  /**
   * Moves the token from {@code move.expected()} to {@code move.next()} if it is in the expected
   * state (and, for a reservation, is the owner's and unexpired); false, changing nothing, when it
   * is not.
   */
  Mono<Boolean> move(PaymentTokenHash hash, PaymentTokenMove move);

  /**
   * Moves tokens reserved before {@code reservedBefore} along {@link PaymentTokenState#RELEASE}:
   * their run's gateway died before it could consume or release them. Returns how many.
   */
  Mono<Long> releaseStaleReservations(Instant reservedBefore);
}
