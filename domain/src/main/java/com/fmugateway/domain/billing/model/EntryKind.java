package com.fmugateway.domain.billing.model;

/**
 * Kinds of ledger entries and the sign of their amount. A run holds its quote (−), and on
 * settlement captures its cost (−) and releases the whole hold (+), so the balance, the sum of all
 * entries, always equals what the account can still spend.
 */
public enum EntryKind {
  /** Credits included in the tier, once per period (+). */
  GRANT(1),
  /** Credits bought (+). */
  PURCHASE(1),
  /** A run's quoted maximum, reserved before it starts (−). */
  HOLD(-1),
  /** What a run actually cost (−). */
  CAPTURE(-1),
  /** A hold given back when its run ends, whatever the outcome (+). */
  RELEASE(1),
  /** Credits returned by an operator (+). */
  REFUND(1),
  /** Credits that lapsed (−). */
  EXPIRY(-1),
  /**
   * A run paid with money outside credits (an x402 settlement): recorded for the account's history,
   * moving no credits (0).
   */
  PAYMENT(0);

  private final int sign;

  EntryKind(int sign) {
    this.sign = sign;
  }

  /** The signed amount of an entry of this kind for a positive magnitude. */
  public long signed(long magnitude) {
    if (magnitude < 0) {
      throw new IllegalArgumentException("magnitude must not be negative: " + magnitude);
    }
    return sign * magnitude;
  }
}
