package com.fmugateway.domain.model.fmu;

import java.util.OptionalDouble;

/** The experiment the model's author suggests; any part may be missing. */
public record DefaultExperiment(
    OptionalDouble startTime,
    OptionalDouble stopTime,
    OptionalDouble tolerance,
    OptionalDouble stepSize) {

  public static DefaultExperiment none() {
    return new DefaultExperiment(
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }
}
