package com.fmugateway.adapter.in.http.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Provenance;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SolverStatistics;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A finished run: {@code results} is columnar ({@code time} and one array per variable, ready for a
 * data frame), then the KPIs and how the result was made; a scheduled execution run adds {@code
 * clock_events}, and its {@code time} holds the clock activation times.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SimulateResponse(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String runId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fmuId,
    @Schema(
            allowableValues = {"ok"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        String status,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CostResponse cost,
    @Schema(
            description =
                "Columnar: time and one array per variable (numbers, or booleans or strings for"
                    + " such variables); an array variable (FMI 3.0) has one array of its"
                    + " elements per sample, row-major, e.g. `\"x\": [[1.0, 0.0], [0.9, 0.1]]`"
                    + " (CSV flattens it to `x[1]`, `x[2]`, …)",
            requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Object> results,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Double> kpis,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProvenanceResponse provenance,
    // Only when some value is not finite: which, and how it is spelt.
    @JsonInclude(JsonInclude.Include.NON_NULL) NonFinite nonFinite,
    @Schema(
            description =
                "Scheduled execution only: {output clock: [times it ticked]}, every output clock"
                    + " of the model listed")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, List<Double>> clockEvents) {

  /**
   * What the run cost: credits captured, of the quote held before it started; or, when a payment
   * token paid ({@code paid_with}), no credits and the checkout's {@code session_id} and amount.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CostResponse(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long credits,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long quotedCredits,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              allowableValues = {"credits", "payment_token"})
          String paidWith,
      String sessionId,
      java.math.BigDecimal amount,
      Long amountMinor,
      String currency) {

    static CostResponse from(SimulationReport report) {
      return report
          .payment()
          .map(
              p ->
                  new CostResponse(
                      report.costCredits(),
                      report.quotedCredits(),
                      "payment_token",
                      p.session().value(),
                      java.math.BigDecimal.valueOf(p.amount().minorUnits(), 2),
                      p.amount().minorUnits(),
                      p.amount().currency()))
          .orElseGet(
              () ->
                  new CostResponse(
                      report.costCredits(),
                      report.quotedCredits(),
                      "credits",
                      null,
                      null,
                      null,
                      null));
    }
  }

  /**
   * Reproducibility record of a run. Model exchange runs add the number of derivative evaluations,
   * and, when an implicit method ran, where its Jacobians came from and how many it took.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ProvenanceResponse(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fmuSha256,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fmiVersion,
      @Schema(
              allowableValues = {"cs", "me", "se"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String fmuInterface,
      @Schema(
              types = {"string", "null"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String solver,
      @Schema(
              types = {"number", "null"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          Double rtol,
      @Schema(
              types = {"number", "null"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          Double atol,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String gatewayVersion,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) double wallTimeMs,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) double cpuTimeMs,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long steps,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long events,
      @Schema(description = "Model exchange only: the FMU's derivative evaluations")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Long derivativeEvaluations,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(
              description = "Implicit solver only: where the Jacobians came from",
              allowableValues = {"directional_derivatives", "finite_differences"})
          String jacobian,
      @Schema(description = "Implicit solver only: Jacobians computed")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Long jacobianEvaluations) {

    static ProvenanceResponse from(Provenance p) {
      Optional<SolverStatistics> statistics = p.solverStatistics();
      Optional<SolverStatistics> implicit = statistics.filter(s -> s.jacobian().isPresent());
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
          p.events(),
          statistics.map(SolverStatistics::derivativeEvaluations).orElse(null),
          implicit.flatMap(SolverStatistics::jacobian).map(JacobianSource::code).orElse(null),
          implicit.map(SolverStatistics::jacobianEvaluations).orElse(null));
    }
  }

  public static SimulateResponse from(SimulationReport report) {
    NonFinite.Builder nonFinite = new NonFinite.Builder();
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("time", report.result().time());
    Map<String, List<Object>> arrays = new LinkedHashMap<>();
    for (Column column : report.result().columns()) {
      Optional<String> array = report.result().arrayOf(column);
      if (array.isPresent()) {
        // The key takes its place at the first element; the rows are filled in below.
        results.putIfAbsent(array.get(), null);
        arrays.computeIfAbsent(array.get(), a -> new ArrayList<>()).add(values(column, nonFinite));
      } else {
        results.put(column.name(), values(column, nonFinite));
      }
    }
    arrays.forEach(
        (name, elements) -> results.put(name, rows(elements, report.result().time().length)));
    Map<String, Double> kpis = nonFinite.kpis(report.kpis());
    return new SimulateResponse(
        report.runId().toString(),
        report.fmuId().value(),
        "ok",
        CostResponse.from(report),
        results,
        kpis,
        ProvenanceResponse.from(report.provenance()),
        nonFinite.build(),
        report.result().clockEvents());
  }

  /**
   * An array variable's samples, one row-major array per sample, from its element columns' values;
   * all-finite reals stay primitive.
   */
  private static Object rows(List<Object> elements, int samples) {
    if (elements.stream().allMatch(double[].class::isInstance)) {
      double[][] rows = new double[samples][elements.size()];
      for (int k = 0; k < elements.size(); k++) {
        double[] element = (double[]) elements.get(k);
        for (int i = 0; i < samples; i++) {
          rows[i][k] = element[i];
        }
      }
      return rows;
    }
    Object[][] rows = new Object[samples][elements.size()];
    for (int k = 0; k < elements.size(); k++) {
      Object element = elements.get(k);
      for (int i = 0; i < samples; i++) {
        rows[i][k] =
            element instanceof List<?> list ? list.get(i) : java.lang.reflect.Array.get(element, i);
      }
    }
    return rows;
  }

  /** Primitive arrays go to Jackson as they are: no boxing of a million samples. */
  private static Object values(Column column, NonFinite.Builder nonFinite) {
    if (column instanceof Column.Real real) {
      return nonFinite.values(real);
    }
    if (column instanceof Column.Integer integer) {
      return integer.values();
    }
    if (column instanceof Column.Bool bool) {
      return bool.values();
    }
    if (column instanceof Column.Whole whole) {
      // Exact 64-bit numbers; unsigned ones past Long.MAX_VALUE as BigInteger, never a double.
      if (!whole.unsigned()) {
        return whole.values();
      }
      List<Object> exact = new java.util.ArrayList<>(whole.size());
      for (int i = 0; i < whole.size(); i++) {
        exact.add(whole.valueAt(i));
      }
      return exact;
    }
    return List.copyOf(((Column.Text) column).values());
  }
}
