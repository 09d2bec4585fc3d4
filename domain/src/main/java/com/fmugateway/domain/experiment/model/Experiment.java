package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.simulation.model.RunRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A parameter study: the run every case shares ({@code fmuId}, {@code request}), how its cases were
 * made ({@code method}), what each case holds ({@code quotePerCase} credits) and where it stands.
 */
public record Experiment(
    UUID id,
    AccountId account,
    String fmuId,
    SweepMethod method,
    RunRequest request,
    int total,
    long quotePerCase,
    ExperimentStatus status,
    Optional<String> callbackUrl,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public Experiment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(callbackUrl, "callbackUrl");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }
}
