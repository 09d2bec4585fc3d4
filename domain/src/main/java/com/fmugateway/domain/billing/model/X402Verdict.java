package com.fmugateway.domain.billing.model;

import java.util.Objects;
import java.util.Optional;

/** The facilitator's answer to "would this payment settle?": valid, or why not. */
public record X402Verdict(boolean valid, Optional<String> invalidReason, Optional<String> payer) {

  public X402Verdict {
    Objects.requireNonNull(invalidReason, "invalidReason");
    Objects.requireNonNull(payer, "payer");
  }
}
