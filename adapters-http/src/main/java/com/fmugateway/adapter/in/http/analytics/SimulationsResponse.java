package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.DailyActivity;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Simulations by day: runs, how they ended, the accounts that ran them, credits they spent. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SimulationsResponse(LocalDate from, LocalDate to, Totals totals, List<Day> days) {

  /** One UTC day; {@code accounts} are distinct accounts that ran at least once that day. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Day(
      LocalDate day, long runs, long succeeded, long failed, long accounts, long creditsSpent) {}

  /** The whole period. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Totals(long runs, long succeeded, long failed, long creditsSpent) {}

  static SimulationsResponse from(AnalyticsPeriod period, List<DailyActivity> days) {
    return new SimulationsResponse(
        period.from(),
        period.to(),
        new Totals(
            days.stream().mapToLong(DailyActivity::runs).sum(),
            days.stream().mapToLong(DailyActivity::succeeded).sum(),
            days.stream().mapToLong(DailyActivity::failed).sum(),
            days.stream().mapToLong(DailyActivity::creditsSpent).sum()),
        days.stream()
            .map(
                d ->
                    new Day(
                        d.day(),
                        d.runs(),
                        d.succeeded(),
                        d.failed(),
                        d.accounts(),
                        d.creditsSpent()))
            .toList());
  }
}
