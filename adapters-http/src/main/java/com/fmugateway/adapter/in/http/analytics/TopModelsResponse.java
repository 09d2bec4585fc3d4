package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.ModelUsage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The ten most-run models: runs, successes, distinct accounts, credits their runs cost. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TopModelsResponse(LocalDate from, LocalDate to, List<Model> models) {

  /** One model; {@code model_name} is known for uploaded FMUs. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Model(
      String fmuId,
      @Schema(types = {"string", "null"}) String modelName,
      long runs,
      long succeeded,
      long accounts,
      long creditsSpent) {}

  static TopModelsResponse from(AnalyticsPeriod period, List<ModelUsage> models) {
    return new TopModelsResponse(
        period.from(),
        period.to(),
        models.stream()
            .map(
                m ->
                    new Model(
                        m.fmuId(),
                        m.modelName().orElse(null),
                        m.runs(),
                        m.succeeded(),
                        m.accounts(),
                        m.creditsSpent()))
            .toList());
  }
}
