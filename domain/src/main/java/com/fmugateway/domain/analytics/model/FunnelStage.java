package com.fmugateway.domain.analytics.model;

import java.util.Locale;

/**
 * The steps from being asked to pay to running on what was paid. The funnel follows the accounts
 * that got a 402 in the period; each step counts what those accounts did after it.
 */
public enum FunnelStage {
  /** {@code /simulate} answered 402: credits short (with or without a checkout) or a quote. */
  PAYMENT_REQUIRED,
  /** Checkouts opened (for a run or a credit pack) at or after the account's first 402. */
  CHECKOUT_CREATED,
  /** Those checkouts that were paid, whenever the payment came. */
  PAID,
  /**
   * Those paid checkouts that bought a simulation: a run's payment token consumed by a run, or a
   * credit pack followed by a successful run of the account.
   */
  SIMULATED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
