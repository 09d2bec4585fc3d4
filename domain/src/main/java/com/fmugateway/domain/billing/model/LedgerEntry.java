package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.account.model.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable line of an account's credit ledger. {@code idempotencyKey} is unique per account: a
 * retried or replayed operation finds its entry instead of adding another.
 */
public record LedgerEntry(
    long id,
    AccountId accountId,
    EntryKind kind,
    long amount,
    LedgerKey idempotencyKey,
    String reference,
    Instant createdAt) {

  public LedgerEntry {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
