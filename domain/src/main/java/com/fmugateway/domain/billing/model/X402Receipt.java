package com.fmugateway.domain.billing.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The facilitator's answer to a settlement: done ({@code success}, with its on-chain {@code
 * transaction}) or not ({@code errorReason}). It is what {@code PAYMENT-RESPONSE} carries.
 */
public record X402Receipt(
    boolean success,
    Optional<String> errorReason,
    String transaction,
    String network,
    Optional<String> payer) {

  public X402Receipt {
    Objects.requireNonNull(errorReason, "errorReason");
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(payer, "payer");
  }

  /** Nothing was settled, for {@code reason}. */
  public static X402Receipt failed(String reason, String network, String payer) {
    return new X402Receipt(false, Optional.of(reason), "", network, Optional.of(payer));
  }
}
