package com.fmugateway.domain.billing.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.LedgerEntry;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Role: the append-only credit ledger. Every write is atomic and idempotent; concurrent holds on
 * one account are serialized so that no credit is spent twice and no balance goes below zero.
 */
public interface CreditLedger {

  /** Adds credits (grant, purchase, refund); false when this idempotency key was applied before. */
  Mono<Boolean> credit(
      AccountId account, EntryKind kind, long amount, String idempotencyKey, String reference);

  /**
   * Reserves {@code amount} for the run {@code reference}; fails with {@link
   * com.fmugateway.domain.billing.model.InsufficientCreditsException} when the balance is short.
   * Holding again for the same reference returns the existing hold.
   */
  Mono<Hold> hold(AccountId account, long amount, String reference);

  /** Captures {@code cost} (at most the hold) and releases the hold; applied once. */
  Mono<Void> settle(Hold hold, long cost);

  /** Releases the whole hold, for a run that did not complete; applied once. */
  Mono<Void> release(Hold hold);

  /**
   * Releases holds older than {@code age} that were never settled or released, so credits held by a
   * gateway that died mid-run are not locked forever. Returns how many were released.
   */
  Mono<Long> releaseStaleHolds(java.time.Duration age);

  Mono<Long> balance(AccountId account);

  /** The sum of the magnitudes of the account's entries of one kind since {@code since}. */
  Mono<Long> totalSince(AccountId account, EntryKind kind, Instant since);

  /** The newest entries first. */
  default Flux<LedgerEntry> entries(AccountId account, int limit) {
    return entries(account, EnumSet.allOf(EntryKind.class), limit);
  }

  /** The newest entries of the given kinds first. */
  Flux<LedgerEntry> entries(AccountId account, Set<EntryKind> kinds, int limit);
}
