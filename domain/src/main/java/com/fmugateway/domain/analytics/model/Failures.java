package com.fmugateway.domain.analytics.model;

import java.util.List;
import java.util.OptionalDouble;

/** Failed runs of a period, by model (most failures first) and by cause (most frequent first). */
public record Failures(List<ModelFailures> byModel, List<CauseCount> byCause) {

  public Failures {
    byModel = List.copyOf(byModel);
    byCause = List.copyOf(byCause);
  }

  public long failed() {
    return byCause.stream().mapToLong(CauseCount::failures).sum();
  }

  /** The share of all failed runs that failed with this cause, from 0 to 1. */
  public OptionalDouble share(CauseCount cause) {
    long failed = failed();
    return failed == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) cause.failures() / failed);
  }
}
