package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.account.model.AccountId;
import java.util.Objects;

/**
 * Credits reserved for one run ({@code reference}), to be ended exactly once: settled (its cost
 * captured, at most the hold, and the hold released) or released whole. Once ended it stays ended:
 * no capture after a release, no second release after a settlement.
 */
public record Hold(AccountId accountId, String reference, long amount) {

  /**
   * References of holds placed for the cases of an experiment. Such a hold may wait in a queue far
   * longer than any run lasts, so it is ended by its case (run, failed or cancelled), never by age.
   */
  public static final String CASE_PREFIX = "case:";

  public Hold {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(reference, "reference");
    if (amount < 0) {
      throw new IllegalArgumentException("a hold cannot be negative");
    }
  }

  /**
   * Settles this hold for a run that cost {@code cost}: a run never costs more than it held, so a
   * larger cost is clamped to the hold.
   */
  public Settlement settle(long cost) {
    if (cost < 0) {
      throw new IllegalArgumentException("a cost cannot be negative: " + cost);
    }
    return new Settlement(this, Math.min(cost, amount));
  }

  /** The hold for one case of an experiment; the same case always names the same hold. */
  public static Hold ofCase(AccountId accountId, java.util.UUID caseId, long amount) {
    return new Hold(accountId, CASE_PREFIX + caseId, amount);
  }

  /** Whether this hold belongs to an experiment's case, and so is never released for its age. */
  public boolean forCase() {
    return reference.startsWith(CASE_PREFIX);
  }

  public LedgerKey holdKey() {
    return LedgerKey.hold(reference);
  }

  public LedgerKey captureKey() {
    return LedgerKey.capture(reference);
  }

  /** Written by whichever ends the hold first; its presence means the hold has ended. */
  public LedgerKey releaseKey() {
    return LedgerKey.release(reference);
  }
}
