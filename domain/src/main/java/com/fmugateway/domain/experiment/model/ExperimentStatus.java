package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.shared.model.Transitions;

/** The life of an experiment: queued until a case starts, then running until every case ended. */
public enum ExperimentStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  PARTIALLY_FAILED,
  FAILED,
  CANCELLED;

  public static final Transitions<ExperimentStatus> TRANSITIONS =
      Transitions.of(
          Transitions.move(QUEUED, RUNNING),
          Transitions.move(QUEUED, CANCELLED),
          Transitions.move(RUNNING, SUCCEEDED),
          Transitions.move(RUNNING, PARTIALLY_FAILED),
          Transitions.move(RUNNING, FAILED),
          Transitions.move(RUNNING, CANCELLED));

  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** How an experiment whose cases have all ended ends. */
  public static ExperimentStatus endedWith(CaseCounts counts) {
    if (counts.cancelled() > 0) {
      return CANCELLED;
    }
    if (counts.failed() == 0) {
      return SUCCEEDED;
    }
    return counts.succeeded() == 0 ? FAILED : PARTIALLY_FAILED;
  }
}
