package com.fmugateway.domain.checkout.model;

/** What a verified provider event did; every outcome is acknowledged to the provider. */
public enum WebhookOutcome {
  /** The checkout changed state (and was fulfilled, if paid). */
  APPLIED,
  /** Processed, nothing to change: still pending, or already settled (a late or stale event). */
  UNCHANGED,
  /** This event was processed before; a retry or a replay. */
  DUPLICATE,
  /** Not about one of our checkouts, or of a type the gateway does not act on. */
  IGNORED,
  /**
   * Paid for a checkout that had expired or failed: money without goods. Nothing is delivered; the
   * audit log holds {@code payment.paid_late} for an operator to refund or honour.
   */
  PAID_LATE
}
