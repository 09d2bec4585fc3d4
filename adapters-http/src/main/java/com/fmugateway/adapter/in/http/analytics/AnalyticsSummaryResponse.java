package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.FunnelStage;
import com.fmugateway.domain.analytics.model.Revenue;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The period's headline figures and where each report is, for the same period. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnalyticsSummaryResponse(
    LocalDate from, LocalDate to, Headline headline, List<Report> reports) {

  /** One report: its name, its URL for this period, what it holds. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Report(String name, String href, String description) {}

  /** The period in a few numbers; cash per currency in minor units. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Headline(
      List<RevenueResponse.Cash> cash,
      long creditsSpent,
      long runs,
      long failedRuns,
      long activeAccounts,
      long paymentRequired,
      long checkoutsPaid) {}

  private static final List<String[]> REPORTS =
      List.of(
          new String[] {
            "revenue", "cash by day, rail (card, crypto) and purpose; credits consumed by runs"
          },
          new String[] {"simulations", "runs by day: succeeded, failed, distinct accounts"},
          new String[] {"accounts", "new, active, repeat and paying accounts"},
          new String[] {"funnel", "402 issued, checkout created, paid, simulated"},
          new String[] {"failures", "failed runs by model and by cause"},
          new String[] {"models", "the ten most-run models"});

  static AnalyticsSummaryResponse from(
      AnalyticsPeriod period,
      Revenue revenue,
      SimulationsResponse.Totals runs,
      AccountActivity accounts,
      Funnel funnel) {
    String query = "?from=" + period.from() + "&to=" + period.to();
    return new AnalyticsSummaryResponse(
        period.from(),
        period.to(),
        new Headline(
            revenue.totals().stream().map(RevenueResponse.Cash::from).toList(),
            revenue.creditsSpent(),
            runs.runs(),
            runs.failed(),
            accounts.active(),
            funnel.step(FunnelStage.PAYMENT_REQUIRED).count(),
            funnel.step(FunnelStage.PAID).count()),
        REPORTS.stream().map(r -> new Report(r[0], "/analytics/" + r[0] + query, r[1])).toList());
  }
}
