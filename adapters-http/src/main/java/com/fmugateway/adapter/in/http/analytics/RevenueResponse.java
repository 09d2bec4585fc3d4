package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.Revenue;
import com.fmugateway.domain.analytics.model.Takings;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Revenue by day: cash by rail (card, crypto) and by purpose (runs, packs) in minor units of each
 * currency, and, apart, the prepaid credits that runs consumed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RevenueResponse(
    LocalDate from,
    LocalDate to,
    String note,
    List<String> currencies,
    Totals totals,
    List<Day> days) {

  static final String NOTE =
      "cash is money received from checkouts paid that day (card and crypto rails, split again"
          + " into single runs and credit packs), in minor units of its currency, never summed"
          + " across currencies; credits_spent is prepaid balance consumed by runs that day, not"
          + " cash";

  /** Cash in one currency. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Cash(
      String currency,
      long cardMinor,
      long cryptoMinor,
      long x402Minor,
      long runsMinor,
      long packsMinor,
      long totalMinor,
      long payments) {

    static Cash from(Takings t) {
      return new Cash(
          t.currency(),
          t.card().minorUnits(),
          t.crypto().minorUnits(),
          t.x402().minorUnits(),
          t.runs().minorUnits(),
          t.packs().minorUnits(),
          t.total().minorUnits(),
          t.payments());
    }
  }

  /** One UTC day. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Day(LocalDate day, List<Cash> cash, long creditsSpent) {}

  /** The whole period. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Totals(List<Cash> cash, long creditsSpent) {}

  static RevenueResponse from(AnalyticsPeriod period, Revenue revenue) {
    return new RevenueResponse(
        period.from(),
        period.to(),
        NOTE,
        revenue.currencies(),
        new Totals(cash(revenue.totals()), revenue.creditsSpent()),
        revenue.days().stream()
            .map(d -> new Day(d.day(), cash(d.cash()), d.creditsSpent()))
            .toList());
  }

  private static List<Cash> cash(List<Takings> takings) {
    return takings.stream().map(Cash::from).toList();
  }
}
