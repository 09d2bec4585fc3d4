package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.account.model.AccountId;
import java.util.Objects;

/** Credits reserved for one run ({@code reference}), to be settled or released exactly once. */
public record Hold(AccountId accountId, String reference, long amount) {

  public Hold {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(reference, "reference");
    if (amount < 0) {
      throw new IllegalArgumentException("a hold cannot be negative");
    }
  }
}
