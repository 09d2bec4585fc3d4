package com.fmugateway.domain.fmu.model;

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
