package com.fmugateway.adapter.in.portal.experiment;

import com.fmugateway.adapter.in.portal.run.RunForm;

/**
 * The new-experiment form as typed: the run every case shares, then the sweep. {@code parameters}
 * holds one line per swept parameter ({@code e: range 0.5 0.9 5}); {@code cases}, for method cases,
 * one line per case ({@code e=0.7, g=9.81}). {@code action} is {@code quote} or {@code start}.
 */
public record ExperimentForm(
    String fmuId,
    String stopTime,
    String step,
    String startValues,
    String outputs,
    String kpis,
    String method,
    String parameters,
    String samples,
    String seed,
    String cases,
    String action) {

  static ExperimentForm defaults(String fmuId, String stopTime, String step) {
    return new ExperimentForm(
        fmuId == null || fmuId.isBlank() ? "lib:BouncingBall" : fmuId,
        stopTime == null || stopTime.isBlank() ? "3" : stopTime,
        step == null || step.isBlank() ? "0.01" : step,
        "",
        "h",
        "",
        "full_factorial",
        "e: values 0.6, 0.7, 0.8, 0.9",
        "",
        "0",
        "",
        "quote");
  }

  /** The run every case shares, as the run form would have it. */
  RunForm base() {
    return new RunForm(
        fmuId,
        stopTime,
        step,
        "auto",
        startValues,
        outputs,
        "",
        "",
        "",
        "",
        kpis,
        "",
        java.util.Map.of());
  }

  boolean quoteOnly() {
    return !"start".equals(action);
  }
}
