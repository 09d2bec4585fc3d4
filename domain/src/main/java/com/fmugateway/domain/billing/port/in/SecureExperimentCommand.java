package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Command: pay up front for the cases {@code caseIds} of experiment {@code experimentId} on model
 * {@code fmuId}, each run limited to {@code limit} (which sets its quote). {@code request}
 * identifies what was asked for, so asking again reuses the pending checkout.
 */
public record SecureExperimentCommand(
    UUID experimentId,
    AccountId caller,
    Tier tier,
    List<UUID> caseIds,
    String fmuId,
    Supplier<String> request,
    Duration limit,
    PaymentChoice payment) {

  public SecureExperimentCommand {
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(tier, "tier");
    caseIds = List.copyOf(caseIds);
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(payment, "payment");
  }
}
