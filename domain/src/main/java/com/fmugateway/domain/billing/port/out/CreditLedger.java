package com.fmugateway.domain.billing.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.LedgerEntry;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.Settlement;
import com.fmugateway.domain.shared.model.RunSlotClaim;
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

  /** Adds credits (grant, purchase, refund); false when this key was applied before. */
  Mono<Boolean> credit(
      AccountId account, EntryKind kind, long amount, LedgerKey key, String reference);

  /**
   * Reserves {@code amount} for the run {@code reference}; fails with {@link
   * com.fmugateway.domain.billing.model.InsufficientCreditsException} when the balance is short.
   * Holding again for the same reference returns the existing hold. The entry's key is {@link
   * Hold#holdKey()}.
   *
   * <p>Atomic and at once visible to every other request, but it need not be on disk when this
   * answers: a crash of the database may lose a hold that nothing has ended yet, which leaves the
   * balance as releasing it would have (a hold nobody ends is only ever released). Every write that
   * ends a hold ({@link #settle}, {@link #release}, a run's end) is durable, and makes the hold
   * durable with it: a run that was charged was held.
   */
  Mono<Hold> hold(AccountId account, long amount, String reference);

  /**
   * As {@link #hold}, and takes the run slot {@code slot} claims in the same atomic write, so a run
   * paid from credits starts in one step: both or neither. No slot free: fails with {@link
   * RunSlotClaim#refused()}, holding nothing. Balance short: fails as {@link #hold} does, taking no
   * slot. The slot is the one {@code ConcurrentRuns} counts and gives back; the store shares that
   * role's limit with every other way a run starts (see {@code ConcurrentRuns#tryStart}).
   */
  Mono<Hold> holdInSlot(AccountId account, long amount, String reference, RunSlotClaim slot);

  /**
   * Reserves {@code amountEach} for each of {@code references}, all or none: fails with {@link
   * com.fmugateway.domain.billing.model.InsufficientCreditsException} (for the whole amount) when
   * the balance does not cover them all. References already held keep their hold and are not
   * charged twice.
   */
  Mono<java.util.List<Hold>> holdAll(
      AccountId account, long amountEach, java.util.List<String> references);

  /**
   * Captures {@code settlement.captured()} and releases the hold, in one step, if the hold has not
   * ended; true when it did that, false when the hold was released or settled before (nothing
   * changes: no capture after a release).
   */
  Mono<Boolean> settle(Settlement settlement);

  /**
   * The credits the hold's settlement captured: 0 when it was released without a capture or has not
   * ended. A runner that finds the hold already settled (by another node that then died before
   * recording the charge) reports the charge from here rather than 0.
   */
  Mono<Long> captured(Hold hold);

  /**
   * Releases the whole hold, for a run that did not complete, if the hold has not ended; false when
   * it was released or settled before (nothing changes).
   */
  Mono<Boolean> release(Hold hold);

  /**
   * Releases holds older than {@code age} that were never settled or released, so credits held by a
   * gateway that died mid-run are not locked forever; holds of experiments' cases ({@link
   * Hold#forCase()}) are left to their cases. Returns how many were released.
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
