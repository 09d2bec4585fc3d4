package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationResult;

/** Runs library models through the engine and reads result columns. */
final class Runs {

  private static final SimulationEngine ENGINE = TestEngine.SHARED;

  private Runs() {}

  static SimulationResult run(Plans plans) {
    String model = plans.description().modelName();
    return ENGINE.run(LibraryFmus.archive(model), plans.description(), plans.build());
  }

  static double[] reals(SimulationResult result, String name) {
    return ((Column.Real) result.column(name).orElseThrow()).values();
  }

  static int[] integers(SimulationResult result, String name) {
    return ((Column.Integer) result.column(name).orElseThrow()).values();
  }

  /** The index of sample time {@code t}, which must be on the output grid. */
  static int indexOf(SimulationResult result, double t) {
    double[] time = result.time();
    for (int i = 0; i < time.length; i++) {
      if (Math.abs(time[i] - t) < 1e-9) {
        return i;
      }
    }
    throw new IllegalArgumentException("no sample at t=" + t);
  }
}
