package com.fmugateway.domain.analytics.port.in;

import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Failures;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.ModelUsage;
import com.fmugateway.domain.analytics.model.Revenue;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Query (operators): what the gateway earned and how it was used, over whole UTC days. */
public interface GetAnalyticsQuery {

  /**
   * The period asked for, dates as YYYY-MM-DD (absent or blank for the default, the last 30 days up
   * to today); fails with InvalidInputException naming {@code from} or {@code to}.
   */
  Mono<AnalyticsPeriod> period(Optional<String> from, Optional<String> to);

  Mono<Revenue> revenue(AnalyticsPeriod period);

  /** Every day of the period, days without runs included. */
  Flux<DailyActivity> simulations(AnalyticsPeriod period);

  Mono<AccountActivity> accounts(AnalyticsPeriod period);

  Mono<Funnel> funnel(AnalyticsPeriod period);

  Mono<Failures> failures(AnalyticsPeriod period);

  /** The most-run models, most runs first. */
  Flux<ModelUsage> topModels(AnalyticsPeriod period);
}
