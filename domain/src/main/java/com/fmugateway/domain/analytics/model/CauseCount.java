package com.fmugateway.domain.analytics.model;

import java.util.Objects;

/** Failed runs with one failure cause (TIMEOUT, CRASHED, …; INTERNAL for the gateway's own). */
public record CauseCount(String cause, long failures) {

  public CauseCount {
    Objects.requireNonNull(cause, "cause");
  }
}
