package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.fmu.model.DefaultExperiment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.OptionalDouble;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The model author's suggested experiment; missing parts are null. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DefaultExperimentResponse(
    @Schema(types = {"number", "null"}) Double startTime,
    @Schema(types = {"number", "null"}) Double stopTime,
    @Schema(types = {"number", "null"}) Double stepSize,
    @Schema(types = {"number", "null"}) Double tolerance) {

  static DefaultExperimentResponse from(DefaultExperiment experiment) {
    return new DefaultExperimentResponse(
        boxed(experiment.startTime()),
        boxed(experiment.stopTime()),
        boxed(experiment.stepSize()),
        boxed(experiment.tolerance()));
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
