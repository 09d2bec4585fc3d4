package com.fmugateway.domain.experiment.model;

/**
 * What one hand-over of a case to a worker came to: the case was brought to its end ({@code RAN}),
 * or it stays queued because its account already runs as many cases as its tier allows ({@code
 * WAITS}; the job engine hands it over again a little later).
 */
public enum CaseRun {
  RAN,
  WAITS
}
