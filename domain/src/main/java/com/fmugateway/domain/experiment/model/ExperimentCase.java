package com.fmugateway.domain.experiment.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One case of an experiment: its start values ({@code parameters}), where it stands, the node that
 * ran it, why it failed, what it cost and the KPIs it gave.
 */
public record ExperimentCase(
    UUID id,
    UUID experimentId,
    int index,
    Map<String, Object> parameters,
    CaseStatus status,
    Optional<String> node,
    Optional<String> failure,
    long cost,
    Map<String, Double> kpis,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public ExperimentCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(experimentId, "experimentId");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(failure, "failure");
    kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** A new case, queued. */
  public static ExperimentCase queued(UUID experimentId, int index, Map<String, Object> params) {
    return new ExperimentCase(
        UUID.randomUUID(),
        experimentId,
        index,
        params,
        CaseStatus.QUEUED,
        Optional.empty(),
        Optional.empty(),
        0,
        Map.of(),
        Optional.empty(),
        Optional.empty());
  }
}
