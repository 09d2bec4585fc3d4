package com.fmugateway.domain.billing.port.out;

import com.fmugateway.domain.billing.model.X402Claim;
import com.fmugateway.domain.billing.model.X402PaymentState;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Role: every x402 payment ever presented for a run, shared by all gateways, so that a payment pays
 * for one run only. A claim is unique per payment key; it ends once ({@link X402PaymentState}).
 */
public interface X402PaymentLog {

  /**
   * Records the claim; false when this payment was claimed before (a replay), here or elsewhere.
   */
  Mono<Boolean> claim(X402Claim claim);

  /**
   * Ends the claim of {@code key} in {@code state} (one of {@link X402PaymentState#CLAIMED}'s next
   * states) with the settlement's {@code transaction} or the {@code reason} it was not settled;
   * false when the claim had ended already (nothing changes).
   */
  Mono<Boolean> end(
      String key,
      X402PaymentState state,
      Optional<String> transaction,
      Optional<String> reason,
      Instant at);

  /** The state of the claim of {@code key}, if there is one. */
  Mono<X402PaymentState> state(String key);
}
