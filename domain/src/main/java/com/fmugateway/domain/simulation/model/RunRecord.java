package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.account.model.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One simulation request as metered: who ran what, how it ended, what it cost. {@code modelName}
 * and {@code request} are empty for runs recorded before they were kept.
 */
public record RunRecord(
    UUID id,
    AccountId accountId,
    String fmuId,
    Optional<String> modelName,
    String fmuSha256,
    String fmuInterface,
    RunStatus status,
    Optional<String> failureCause,
    long quotedCredits,
    long costCredits,
    Duration cpuTime,
    Duration wallTime,
    Instant createdAt,
    Optional<RunRequest> request) {

  /** How a run ended. */
  public enum RunStatus {
    SUCCEEDED,
    FAILED
  }

  public RunRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(fmuSha256, "fmuSha256");
    Objects.requireNonNull(fmuInterface, "fmuInterface");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureCause, "failureCause");
    Objects.requireNonNull(cpuTime, "cpuTime");
    Objects.requireNonNull(wallTime, "wallTime");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(request, "request");
  }
}
