package com.fmugateway.domain.checkout.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentToken;
import com.fmugateway.domain.checkout.model.PaymentTokenHash;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Role: keeps payment tokens, at most one per checkout. Each state change is one atomic
 * compare-and-set, so of two runs presenting the same token at once exactly one reserves it.
 */
public interface PaymentTokenStore {

  /** Stores the token unless its session has one already; returns the session's token. */
  Mono<PaymentToken> issue(PaymentToken token);

  Mono<PaymentToken> findBySession(PaymentSessionId session);

  Mono<PaymentToken> findByHash(PaymentTokenHash hash);

  /** Ready → reserved, if the token is the owner's and unexpired at {@code now}. */
  Mono<Boolean> reserve(PaymentTokenHash hash, AccountId owner, Instant now);

  /** Reserved → consumed by run {@code runId}. */
  Mono<Boolean> consume(PaymentTokenHash hash, UUID runId, Instant at);

  /** Reserved → ready again, for a run that failed. */
  Mono<Boolean> release(PaymentTokenHash hash);

  /**
   * Makes tokens reserved before {@code reservedBefore} ready again: their run's gateway died
   * before it could consume or release them. Returns how many.
   */
  Mono<Long> releaseStaleReservations(Instant reservedBefore);
}
