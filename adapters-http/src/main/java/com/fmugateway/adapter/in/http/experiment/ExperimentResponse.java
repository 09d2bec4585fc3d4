package com.fmugateway.adapter.in.http.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fmugateway.domain.experiment.model.CaseCounts;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An experiment and its progress. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentResponse(
    String experimentId,
    @Schema(
            allowableValues = {
              "queued",
              "running",
              "succeeded",
              "partially_failed",
              "failed",
              "cancelled"
            })
        String status,
    String fmuId,
    String method,
    ExperimentCasesResponse cases,
    ExperimentQuoteResponse quote,
    ExperimentCostResponse cost,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Map<String, String> links) {

  /** How many cases are in each state. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ExperimentCasesResponse(
      long total, long queued, long running, long succeeded, long failed, long cancelled) {

    static ExperimentCasesResponse from(CaseCounts c) {
      return new ExperimentCasesResponse(
          c.total(), c.queued(), c.running(), c.succeeded(), c.failed(), c.cancelled());
    }
  }

  /** What the experiment was quoted: every case's quote, held up front. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ExperimentQuoteResponse(long credits, long perCase, Long balanceCredits) {}

  /** Credits still held for open cases, and charged for completed ones. */
  public record ExperimentCostResponse(long held, long charged) {}

  static ExperimentResponse from(ExperimentView view) {
    Experiment e = view.experiment();
    String self = "/experiments/" + e.id();
    return new ExperimentResponse(
        e.id().toString(),
        e.status().code(),
        e.fmuId(),
        e.method().code(),
        ExperimentCasesResponse.from(view.cases()),
        new ExperimentQuoteResponse((long) e.total() * e.quotePerCase(), e.quotePerCase(), null),
        new ExperimentCostResponse(view.held(), view.charged()),
        e.createdAt(),
        e.startedAt().orElse(null),
        e.finishedAt().orElse(null),
        Map.of("self", self, "cases", self + "/cases"));
  }
}
