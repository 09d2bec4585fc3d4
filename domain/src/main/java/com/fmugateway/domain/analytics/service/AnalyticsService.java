package com.fmugateway.domain.analytics.service;

import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Failures;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.ModelUsage;
import com.fmugateway.domain.analytics.model.Revenue;
import com.fmugateway.domain.analytics.port.in.GetAnalyticsQuery;
import com.fmugateway.domain.analytics.port.out.AnalyticsReadModel;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Operators' analytics: resolves the period against today (UTC), reads the figures and puts cash
 * per currency on the day axis. {@code currency} is the one prices are set in; it always has a
 * column, even in a period without payments.
 */
public final class AnalyticsService implements GetAnalyticsQuery {

  static final int TOP_MODELS = 10;
  static final int FAILING_MODELS = 25;

  private final AnalyticsReadModel figures;
  private final Clock clock;
  private final String currency;

  public AnalyticsService(AnalyticsReadModel figures, Clock clock, String currency) {
    this.figures = Objects.requireNonNull(figures, "figures");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  @Override
  public Mono<AnalyticsPeriod> period(Optional<String> from, Optional<String> to) {
    return Mono.fromCallable(
        () -> AnalyticsPeriod.parse(from, to, LocalDate.ofInstant(clock.now(), ZoneOffset.UTC)));
  }

  @Override
  public Mono<Revenue> revenue(AnalyticsPeriod period) {
    return Mono.zip(figures.daily(period).collectList(), figures.cash(period).collectList())
        .map(t -> Revenue.of(t.getT1(), t.getT2(), currency));
  }

  @Override
  public Flux<DailyActivity> simulations(AnalyticsPeriod period) {
    return figures.daily(period);
  }

  @Override
  public Mono<AccountActivity> accounts(AnalyticsPeriod period) {
    return figures.accounts(period);
  }

  @Override
  public Mono<Funnel> funnel(AnalyticsPeriod period) {
    return figures.funnel(period);
  }

  @Override
  public Mono<Failures> failures(AnalyticsPeriod period) {
    return Mono.zip(
            figures.failuresByModel(period, FAILING_MODELS).collectList(),
            figures.failuresByCause(period).collectList())
        .map(t -> new Failures(t.getT1(), t.getT2()));
  }

  @Override
  public Flux<ModelUsage> topModels(AnalyticsPeriod period) {
    return figures.topModels(period, TOP_MODELS);
  }
}
