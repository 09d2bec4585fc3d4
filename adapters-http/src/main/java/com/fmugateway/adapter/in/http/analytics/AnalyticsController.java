package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.port.in.GetAnalyticsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /analytics/...}: the operators' reports as JSON, for scripts. Every report takes
 * {@code from} and {@code to} (YYYY-MM-DD, UTC days, both included; the last 30 days by default).
 */
@RestController
@RequestMapping("/analytics")
@Tag(name = "Operators")
class AnalyticsController {

  private final GetAnalyticsQuery analytics;

  AnalyticsController(GetAnalyticsQuery analytics) {
    this.analytics = analytics;
  }

  @GetMapping
  @Operation(
      operationId = "analyticsSummary",
      summary = "Headline figures and the list of reports (operators only)")
  @ProblemResponses({400, 403})
  Mono<AnalyticsSummaryResponse> summary(@ParameterObject PeriodParams params) {
    return within(
        params,
        period ->
            Mono.zip(
                    analytics.revenue(period),
                    analytics.simulations(period).collectList(),
                    analytics.accounts(period),
                    analytics.funnel(period))
                .map(
                    t ->
                        AnalyticsSummaryResponse.from(
                            period,
                            t.getT1(),
                            SimulationsResponse.from(period, t.getT2()).totals(),
                            t.getT3(),
                            t.getT4())));
  }

  @GetMapping("/revenue")
  @Operation(
      operationId = "analyticsRevenue",
      summary = "Cash by day and rail, and credits consumed (operators only)")
  @ProblemResponses({400, 403})
  Mono<RevenueResponse> revenue(@ParameterObject PeriodParams params) {
    return within(
        params, period -> analytics.revenue(period).map(r -> RevenueResponse.from(period, r)));
  }

  @GetMapping("/simulations")
  @Operation(operationId = "analyticsSimulations", summary = "Simulations by day (operators only)")
  @ProblemResponses({400, 403})
  Mono<SimulationsResponse> simulations(@ParameterObject PeriodParams params) {
    return within(
        params,
        period ->
            analytics
                .simulations(period)
                .collectList()
                .map(days -> SimulationsResponse.from(period, days)));
  }

  @GetMapping("/accounts")
  @Operation(
      operationId = "analyticsAccounts",
      summary = "New, active, repeat and paying accounts (operators only)")
  @ProblemResponses({400, 403})
  Mono<AccountsResponse> accounts(@ParameterObject PeriodParams params) {
    return within(
        params, period -> analytics.accounts(period).map(a -> AccountsResponse.from(period, a)));
  }

  @GetMapping("/funnel")
  @Operation(
      operationId = "analyticsFunnel",
      summary = "402 issued, checkout created, paid, simulated (operators only)")
  @ProblemResponses({400, 403})
  Mono<FunnelResponse> funnel(@ParameterObject PeriodParams params) {
    return within(
        params, period -> analytics.funnel(period).map(f -> FunnelResponse.from(period, f)));
  }

  @GetMapping("/failures")
  @Operation(
      operationId = "analyticsFailures",
      summary = "Failed runs by model and by cause (operators only)")
  @ProblemResponses({400, 403})
  Mono<FailuresResponse> failures(@ParameterObject PeriodParams params) {
    return within(
        params, period -> analytics.failures(period).map(f -> FailuresResponse.from(period, f)));
  }

  @GetMapping("/models")
  @Operation(operationId = "analyticsModels", summary = "The ten most-run models (operators only)")
  @ProblemResponses({400, 403})
  Mono<TopModelsResponse> models(@ParameterObject PeriodParams params) {
    return within(
        params,
        period ->
            analytics
                .topModels(period)
                .collectList()
                .map(models -> TopModelsResponse.from(period, models)));
  }

  private <T> Mono<T> within(PeriodParams params, Function<AnalyticsPeriod, Mono<T>> report) {
    return analytics.period(params.fromText(), params.toText()).flatMap(report);
  }
}
