package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.Failures;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Failed runs: by model (models with at least one failure, most first; {@code failure_rate} of
 * their runs) and by cause ({@code share} of all failed runs). Rates are fractions from 0 to 1.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FailuresResponse(
    LocalDate from, LocalDate to, long failed, List<Model> byModel, List<Cause> byCause) {

  /** One model. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Model(
      String fmuId,
      @Schema(types = {"string", "null"}) String modelName,
      long runs,
      long failed,
      double failureRate) {}

  /** One cause, as runs report it ({@code timeout}, {@code crashed}, …). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Cause(
      String cause, long failures, @Schema(types = {"number", "null"}) Double share) {}

  static FailuresResponse from(AnalyticsPeriod period, Failures failures) {
    return new FailuresResponse(
        period.from(),
        period.to(),
        failures.failed(),
        failures.byModel().stream()
            .map(
                m ->
                    new Model(
                        m.fmuId(), m.modelName().orElse(null), m.runs(), m.failed(), m.rate()))
            .toList(),
        failures.byCause().stream()
            .map(
                c ->
                    new Cause(
                        c.cause().toLowerCase(Locale.ROOT),
                        c.failures(),
                        FunnelResponse.nullable(failures.share(c))))
            .toList());
  }
}
