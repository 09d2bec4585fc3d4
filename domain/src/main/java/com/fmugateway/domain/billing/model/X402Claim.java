package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.shared.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An x402 payment claimed for run {@code runId} of {@code account} at {@code at}: its {@link
 * X402Payment#key() key}, who pays, and what (the run's {@code price}, {@code terms.amount()}
 * atomic units of the asset).
 */
public record X402Claim(
    String key,
    AccountId account,
    UUID runId,
    String payer,
    X402Terms terms,
    Money price,
    Instant at) {

  public X402Claim {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(at, "at");
  }
}
