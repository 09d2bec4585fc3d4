package com.fmugateway.domain.experiment.model;

/** How many of an experiment's cases are in each state. */
public record CaseCounts(
    long total,
    long queued,
    long running,
    long succeeded,
    long failed,
    long cancelled,
    long charging) {

  /**
   * Cases not ended yet, whose holds are still reserved: queued, running, or succeeded and not yet
   * charged ({@code charging}, counted among {@code succeeded} too).
   */
  public long open() {
    return queued + running + charging;
  }
}
