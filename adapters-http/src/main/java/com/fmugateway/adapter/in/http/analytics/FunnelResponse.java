package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.FunnelStep;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The payment funnel of the accounts that got a 402 in the period; {@code conversion} is the share
 * of the previous step's accounts that reached a step (null for the first, or from zero).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FunnelResponse(
    LocalDate from,
    LocalDate to,
    List<Step> steps,
    @Schema(types = {"number", "null"}) Double overallConversion) {

  /** One step. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Step(
      String step,
      long count,
      long accounts,
      @Schema(types = {"number", "null"}) Double conversion) {}

  static FunnelResponse from(AnalyticsPeriod period, Funnel funnel) {
    return new FunnelResponse(
        period.from(),
        period.to(),
        funnel.steps().stream().map(s -> step(funnel, s)).toList(),
        nullable(funnel.overall()));
  }

  private static Step step(Funnel funnel, FunnelStep step) {
    return new Step(
        step.stage().code(),
        step.count(),
        step.accounts(),
        nullable(funnel.conversion(step.stage())));
  }

  static Double nullable(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
