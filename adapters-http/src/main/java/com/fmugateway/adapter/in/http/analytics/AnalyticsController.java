package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.model.analytics.AnalyticsPeriod;
import com.fmugateway.domain.port.in.GetAnalyticsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  private static final String FROM = "First UTC day, YYYY-MM-DD (default: 29 days before to)";
  private static final String TO = "Last UTC day, YYYY-MM-DD, included (default: today)";

  private final GetAnalyticsQuery analytics;

  AnalyticsController(GetAnalyticsQuery analytics) {
    this.analytics = analytics;
  }

  @GetMapping
  @Operation(summary = "Headline figures and the list of reports (operators only)")
  Mono<AnalyticsSummaryResponse> summary(
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to) {
    return within(
        from,
        to,
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
  @Operation(summary = "Cash by day and rail, and credits consumed (operators only)")
  Mono<RevenueResponse> revenue(
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to) {
    return within(
        from, to, period -> analytics.revenue(period).map(r -> RevenueResponse.from(period, r)));
  }

  @GetMapping("/simulations")
  @Operation(summary = "Simulations by day (operators only)")
  Mono<SimulationsResponse> simulations(
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to) {
    return within(
        from,
        to,
        period ->
            analytics
                .simulations(period)
                .collectList()
                .map(days -> SimulationsResponse.from(period, days)));
  }

  @GetMapping("/accounts")
  @Operation(summary = "New, active, repeat and paying accounts (operators only)")
  Mono<AccountsResponse> accounts(
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to) {
    return within(
        from, to, period -> analytics.accounts(period).map(a -> AccountsResponse.from(period, a)));
  }

  @GetMapping("/funnel")
  @Operation(summary = "402 issued, checkout created, paid, simulated (operators only)")
  Mono<FunnelResponse> funnel(
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to) {
    return within(
        from, to, period -> analytics.funnel(period).map(f -> FunnelResponse.from(period, f)));
  }

  @GetMapping("/failures")
  @Operation(summary = "Failed runs by model and by cause (operators only)")
  Mono<FailuresResponse> failures(
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to) {
    return within(
        from, to, period -> analytics.failures(period).map(f -> FailuresResponse.from(period, f)));
  }

  @GetMapping("/models")
  @Operation(summary = "The ten most-run models (operators only)")
  Mono<TopModelsResponse> models(
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to) {
    return within(
        from,
        to,
        period ->
            analytics
                .topModels(period)
                .collectList()
                .map(models -> TopModelsResponse.from(period, models)));
  }

  private <T> Mono<T> within(String from, String to, Function<AnalyticsPeriod, Mono<T>> report) {
    return analytics.period(Optional.ofNullable(from), Optional.ofNullable(to)).flatMap(report);
  }
}
