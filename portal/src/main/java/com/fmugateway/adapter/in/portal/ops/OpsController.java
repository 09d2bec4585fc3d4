package com.fmugateway.adapter.in.portal.ops;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.port.in.GetAnalyticsQuery;
import com.fmugateway.domain.experiment.port.in.GetCaseOperationsQuery;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * The operators' dashboard: headline figures, every report as a chart and a table for a date range,
 * and each table as CSV. Operators only (the portal's security chain refuses customers).
 */
@Controller
class OpsController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final GetAnalyticsQuery analytics;
  private final GetCaseOperationsQuery caseOperations;

  OpsController(GetAnalyticsQuery analytics, GetCaseOperationsQuery caseOperations) {
    this.analytics = analytics;
    this.caseOperations = caseOperations;
  }

  @GetMapping("/portal/ops")
  Mono<String> dashboard(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model page) {
    page.addAttribute("form", new PeriodForm(from, to));
    return caseOperations
        .operations()
        .doOnNext(load -> page.addAttribute("caseLoad", CaseLoadView.of(load)))
        .then(
            analytics
                .period(Optional.empty(), Optional.empty())
                .doOnNext(standard -> page.addAttribute("presets", Preset.endingOn(standard.to())))
                .then(analytics.period(Optional.ofNullable(from), Optional.ofNullable(to)))
                .flatMap(period -> reports(period, page)))
        .onErrorResume(
            InvalidInputException.class,
            e -> {
              page.addAttribute("errorField", e.field());
              page.addAttribute("error", e.getMessage());
              return Mono.just("ops/dashboard");
            });
  }

  @GetMapping("/portal/ops/{table:[a-z-]+}.csv")
  Mono<ResponseEntity<String>> csv(
      @PathVariable String table,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    if (!OpsTables.NAMES.contains(table)) {
      return Mono.just(ResponseEntity.notFound().build());
    }
    return analytics
        .period(Optional.ofNullable(from), Optional.ofNullable(to))
        .flatMap(period -> table(table, period).map(t -> download(t, period)))
        .onErrorResume(
            InvalidInputException.class,
            e ->
                Mono.just(
                    ResponseEntity.badRequest()
                        .contentType(MediaType.TEXT_PLAIN)
                        .body(e.field() + ": " + e.getMessage())));
  }

  private Mono<String> reports(AnalyticsPeriod period, Model page) {
    return Mono.zip(
            analytics.revenue(period),
            analytics.simulations(period).collectList(),
            analytics.accounts(period),
            analytics.funnel(period),
            analytics.failures(period),
            analytics.topModels(period).collectList())
        .map(
            r -> {
              page.addAttribute(
                  "form", new PeriodForm(period.from().toString(), period.to().toString()));
              page.addAttribute("period", PeriodView.of(period));
              page.addAttribute(
                  "tiles", TileView.headline(r.getT1(), r.getT2(), r.getT3(), r.getT4()));
              page.addAttribute(
                  "tables",
                  List.of(
                      OpsTables.revenue(r.getT1()),
                      OpsTables.simulations(r.getT2()),
                      OpsTables.funnel(r.getT4()),
                      OpsTables.accounts(r.getT3()),
                      OpsTables.models(r.getT6()),
                      OpsTables.failuresByCause(r.getT5()),
                      OpsTables.failuresByModel(r.getT5())));
              return "ops/dashboard";
            });
  }

  private Mono<TableView> table(String name, AnalyticsPeriod period) {
    return switch (name) {
      case "revenue" -> analytics.revenue(period).map(OpsTables::revenue);
      case "simulations" -> analytics.simulations(period).collectList().map(OpsTables::simulations);
      case "accounts" -> analytics.accounts(period).map(OpsTables::accounts);
      case "funnel" -> analytics.funnel(period).map(OpsTables::funnel);
      case "failures-by-model" -> analytics.failures(period).map(OpsTables::failuresByModel);
      case "failures-by-cause" -> analytics.failures(period).map(OpsTables::failuresByCause);
      case "models" -> analytics.topModels(period).collectList().map(OpsTables::models);
      default -> Mono.error(new IllegalArgumentException("no table " + name));
    };
  }

  private static ResponseEntity<String> download(TableView table, AnalyticsPeriod period) {
    String file = "fmugw-" + table.name() + "-" + period.from() + "-to-" + period.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file).build().toString())
        .body(Csv.of(table));
  }
}
