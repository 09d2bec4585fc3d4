package com.fmugateway.domain.checkout.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.shared.model.Transition;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Role: keeps checkouts. A checkout moves only as {@link PaymentStatus#TRANSITIONS} allows: it
 * leaves {@code PENDING} once, atomically, however many events and gateways try to settle it at the
 * same time.
 */
public interface PaymentSessionStore {

  /**
   * Stores {@code session} unless its owner already has a pending checkout, not superseded, for the
   * same request fingerprint: there is at most one, however many gateways add at once. Answers the
   * checkout that is stored for the request: {@code session}, or the one that was there first.
   */
  Mono<PaymentSession> add(PaymentSession session);

  /**
   * The owner's pending checkouts for this fingerprint that are no longer payable at {@code
   * payableAt} stop answering for the request (they stay payable until they expire), so a fresh one
   * can be added for it.
   */
  Mono<Void> supersede(AccountId owner, String fingerprint, Instant payableAt);

  /** The owner's session with this id; empty for another account's. */
  Mono<PaymentSession> find(AccountId owner, PaymentSessionId id);

  /** Any account's session, for provider events that name it. */
  Mono<PaymentSession> find(PaymentSessionId id);

  Mono<PaymentSession> findByProviderSession(ProviderId provider, String providerSessionId);

  /**
   * The owner's pending, not superseded session opened for the request with this fingerprint if it
   * is still payable at {@code payableAt}; empty when there is none.
   */
  Mono<PaymentSession> findReusable(AccountId owner, String fingerprint, Instant payableAt);

  /**
   * Moves the session along {@code transition} (from {@link PaymentStatus#TRANSITIONS}) if it is in
   * the transition's {@code from} status, as one compare-and-set; false, changing nothing, when it
   * is not (it was settled before, by another event or another gateway).
   */
  Mono<Boolean> settle(PaymentSessionId id, Transition<PaymentStatus> transition, Instant at);

  /**
   * Claims up to {@code limit} sessions pending since before {@code openedBefore} whose next check
   * is due at {@code now}, and moves their next check to {@code nextCheck}: gateways claiming at
   * the same time get different sessions, and none is asked about again before {@code nextCheck}.
   */
  Flux<PaymentSession> claimForReconciliation(
      Instant openedBefore, Instant now, Instant nextCheck, int limit);
}
