package com.fmugateway.domain.experiment.model;

import java.util.Objects;

/**
 * An experiment with its progress: case counts, credits still held for open cases and credits
 * charged for finished ones.
 */
public record ExperimentView(Experiment experiment, CaseCounts cases, long held, long charged) {

  public ExperimentView {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(cases, "cases");
  }
}
