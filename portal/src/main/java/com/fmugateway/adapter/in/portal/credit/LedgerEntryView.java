package com.fmugateway.adapter.in.portal.credit;

import com.fmugateway.domain.billing.model.LedgerEntry;
import java.time.Instant;

/** One line of the credit history: when, what kind (a message key suffix), how much, about what. */
public record LedgerEntryView(Instant createdAt, String kind, long amount, String reference) {

  static LedgerEntryView of(LedgerEntry entry) {
    return new LedgerEntryView(
        entry.createdAt(), entry.kind().name(), entry.amount(), entry.reference());
  }

  /** The amount with its sign, as the ledger table shows it: {@code +100} or {@code -10}. */
  public String signedAmount() {
    return amount > 0 ? "+" + amount : String.valueOf(amount);
  }
}
