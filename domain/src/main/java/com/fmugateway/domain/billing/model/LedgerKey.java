package com.fmugateway.domain.billing.model;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The idempotency key of a ledger entry, unique per account: a retried or replayed write finds its
 * entry instead of adding another. Built only by the factories below, so every writer (services,
 * the SQL adapter, the fakes) spells each key the same way.
 */
public record LedgerKey(String value) {

  public LedgerKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a ledger key cannot be blank");
    }
  }

  /** The tier's free credits for one month, granted once. */
  public static LedgerKey grant(YearMonth period) {
    return new LedgerKey("grant:" + period);
  }

  /** Credits bought by one purchase (a checkout's id), added once. */
  public static LedgerKey purchase(String purchase) {
    return new LedgerKey("purchase:" + purchase);
  }

  /** The hold placed for run {@code runRef}. */
  public static LedgerKey hold(String runRef) {
    return run(runRef, "hold");
  }

  /** What run {@code runRef} cost. */
  public static LedgerKey capture(String runRef) {
    return run(runRef, "capture");
  }

  /** The hold of run {@code runRef} given back: written once, by a settlement or a release. */
  public static LedgerKey release(String runRef) {
    return run(runRef, "release");
  }

  /** The x402 payment that paid for run {@code runRef}. */
  public static LedgerKey payment(String runRef) {
    return run(runRef, "payment");
  }

  private static LedgerKey run(String runRef, String step) {
    Objects.requireNonNull(runRef, "runRef");
    return new LedgerKey("run:" + runRef + ":" + step);
  }

  @Override
  public String toString() {
    return value;
  }
}
