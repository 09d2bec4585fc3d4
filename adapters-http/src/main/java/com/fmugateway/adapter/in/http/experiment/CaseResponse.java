package com.fmugateway.adapter.in.http.experiment;

import com.fmugateway.domain.experiment.model.ExperimentCase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One case: its start values, where it stands, its KPIs, the node that ran it, its cost, and when
 * it started and ended.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseResponse(
    int index,
    Map<String, Object> parameters,
    String status,
    Map<String, Object> kpis,
    String node,
    String failure,
    long cost,
    String result,
    Instant startedAt,
    Instant finishedAt) {

  /** A page of cases. */
  public record CasePageResponse(List<CaseResponse> items, long offset, int limit, long total) {}

  static CaseResponse from(ExperimentCase c) {
    Map<String, Object> kpis = new LinkedHashMap<>();
    // JSON has no number for NaN or ±Infinity: such a KPI is spelt out, as in CSV.
    c.kpis().forEach((k, v) -> kpis.put(k, v == null || Double.isFinite(v) ? v : v.toString()));
    return new CaseResponse(
        c.index(),
        c.parameters(),
        c.status().code(),
        kpis,
        c.node().orElse(null),
        c.failure().orElse(null),
        c.cost(),
        "/experiments/" + c.experimentId() + "/cases/" + c.index(),
        c.startedAt().orElse(null),
        c.finishedAt().orElse(null));
  }
}
