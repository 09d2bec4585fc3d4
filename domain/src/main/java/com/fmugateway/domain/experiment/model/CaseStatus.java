package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.shared.model.Transitions;

/**
 * The life of one case. A node that dies mid-case leaves it {@code RUNNING}; the job engine hands
 * it to another node, which takes it over ({@code RUNNING → RUNNING}) and runs it again.
 */
public enum CaseStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public static final Transitions<CaseStatus> TRANSITIONS =
      Transitions.of(
          Transitions.move(QUEUED, RUNNING),
          Transitions.move(QUEUED, CANCELLED),
          Transitions.move(RUNNING, RUNNING),
          Transitions.move(RUNNING, SUCCEEDED),
          Transitions.move(RUNNING, FAILED),
          Transitions.move(RUNNING, CANCELLED));

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
