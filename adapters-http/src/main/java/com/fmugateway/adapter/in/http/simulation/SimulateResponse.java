package com.fmugateway.adapter.in.http.simulation;

import com.fmugateway.domain.model.simulation.Column;
import com.fmugateway.domain.model.simulation.Provenance;
import com.fmugateway.domain.model.simulation.SimulationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A finished run: {@code results} is columnar ({@code time} and one array per variable, ready for a
 * data frame), then the KPIs and how the result was made.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SimulateResponse(
    String runId,
    String fmuId,
    String status,
    CostResponse cost,
    Map<String, Object> results,
    Map<String, Double> kpis,
    ProvenanceResponse provenance) {

  /** What the run cost: credits captured, of the quote held before it started. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CostResponse(long credits, long quotedCredits) {}

  /** Reproducibility record of a run. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ProvenanceResponse(
      String fmuSha256,
      String fmiVersion,
      String fmuInterface,
      String solver,
      Double rtol,
      Double atol,
      String gatewayVersion,
      double wallTimeMs,
      double cpuTimeMs,
      long steps,
      long events) {

    static ProvenanceResponse from(Provenance p) {
      return new ProvenanceResponse(
          p.fmuSha256().hex(),
          p.fmiVersion(),
          p.fmuInterface().code(),
          p.solver().map(s -> s.kind().code()).orElse(null),
          p.solver().map(s -> s.rtol()).orElse(null),
          p.solver().map(s -> s.atol()).orElse(null),
          p.gatewayVersion(),
          p.wallTime().toNanos() / 1e6,
          p.cpuTime().toNanos() / 1e6,
          p.steps(),
          p.events());
    }
  }

  static SimulateResponse from(SimulationReport report) {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("time", report.result().time());
    for (Column column : report.result().columns()) {
      results.put(column.name(), values(column));
    }
    return new SimulateResponse(
        report.runId().toString(),
        report.fmuId().value(),
        "ok",
        new CostResponse(report.costCredits(), report.quotedCredits()),
        results,
        report.kpis(),
        ProvenanceResponse.from(report.provenance()));
  }

  /** Primitive arrays go to Jackson as they are: no boxing of a million samples. */
  private static Object values(Column column) {
    if (column instanceof Column.Real real) {
      return real.values();
    }
    if (column instanceof Column.Integer integer) {
      return integer.values();
    }
    if (column instanceof Column.Bool bool) {
      return bool.values();
    }
    return List.copyOf(((Column.Text) column).values());
  }
}
