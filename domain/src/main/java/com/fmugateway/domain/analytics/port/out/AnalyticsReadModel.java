package com.fmugateway.domain.analytics.port.out;

import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.CashReceipts;
import com.fmugateway.domain.analytics.model.CauseCount;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.ModelFailures;
import com.fmugateway.domain.analytics.model.ModelUsage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Role: figures over runs, payments, credits and accounts for operators, aggregated where the data
 * lives. Days are UTC days; a period includes both its first and its last day.
 */
public interface AnalyticsReadModel {

  /** One row for every day of the period, in order; days without activity are all zeros. */
  Flux<DailyActivity> daily(AnalyticsPeriod period);

  /** Paid checkouts by the day they were paid, rail, purpose and currency; only non-empty ones. */
  Flux<CashReceipts> cash(AnalyticsPeriod period);

  Mono<AccountActivity> accounts(AnalyticsPeriod period);

  /** The steps as {@link com.fmugateway.domain.analytics.model.FunnelStage} defines them. */
  Mono<Funnel> funnel(AnalyticsPeriod period);

  /** Models with at least one failed run in the period, most failed runs first, then most runs. */
  Flux<ModelFailures> failuresByModel(AnalyticsPeriod period, int limit);

  /** Failed runs by cause, most frequent first. */
  Flux<CauseCount> failuresByCause(AnalyticsPeriod period);

  /** Models by runs in the period, most first. */
  Flux<ModelUsage> topModels(AnalyticsPeriod period, int limit);
}
