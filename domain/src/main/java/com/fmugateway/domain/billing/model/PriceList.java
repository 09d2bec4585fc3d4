package com.fmugateway.domain.billing.model;

import java.time.Duration;

/**
 * What a run costs in credits: a base price plus a surcharge per started CPU second. The quote
 * charges the surcharge for the whole wall-clock limit, the most a run can use, so a hold always
 * covers the final cost.
 */
public record PriceList(long baseCredits, long creditsPerCpuSecond) {

  public PriceList {
    if (baseCredits < 0 || creditsPerCpuSecond < 0) {
      throw new IllegalArgumentException("prices cannot be negative");
    }
  }

  public long quote(Duration limit) {
    return baseCredits + creditsPerCpuSecond * ceilSeconds(limit);
  }

  public long cost(Duration cpuTime) {
    return baseCredits + creditsPerCpuSecond * ceilSeconds(cpuTime);
  }

  private static long ceilSeconds(Duration duration) {
    long nanos = Math.max(0, duration.toNanos());
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
