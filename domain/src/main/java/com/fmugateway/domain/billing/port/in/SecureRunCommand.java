package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.shared.model.RunSlotClaim;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Command: secure the payment of run {@code runId} of model {@code fmuId} for {@code caller} on
 * {@code tier}, whose wall-clock limit {@code limit} sets its quote. {@code request} identifies
 * what was asked for, so the same request asked again reuses its pending checkout; it is worked out
 * only when a checkout must be opened. {@code slot}, for a run paid from credits, is the run slot
 * to take with its hold, in the same write (the run is refused when none is free); runs paid
 * another way take their slot before their payment is secured, and leave it empty.
 */
public record SecureRunCommand(
    AccountId caller,
    Tier tier,
    UUID runId,
    String fmuId,
    Supplier<String> request,
    Duration limit,
    PaymentChoice payment,
    Optional<RunSlotClaim> slot) {

  public SecureRunCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(slot, "slot");
  }
}
