package com.fmugateway.domain.analytics.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One UTC day of use: simulations run (by how they ended), the distinct accounts that ran them, and
 * the prepaid credits that runs consumed that day (captured from the ledger).
 */
public record DailyActivity(
    LocalDate day, long runs, long succeeded, long failed, long accounts, long creditsSpent) {

  public DailyActivity {
    Objects.requireNonNull(day, "day");
    if (runs != succeeded + failed) {
      throw new IllegalArgumentException("every run either succeeded or failed");
    }
  }

  public static DailyActivity none(LocalDate day) {
    return new DailyActivity(day, 0, 0, 0, 0, 0);
  }
}
