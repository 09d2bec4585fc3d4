package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operators' analytics as JSON: a 402, its checkout paid, a run that fails on the token and one
 * that succeeds show up in the reports; customers are refused, bad dates named.
 */
class OperatorAnalyticsIT extends AbstractOperatorIT {

  private static final String FAILING =
      "{\"fmu_id\":\"lib:FirstOrderLag\",\"start_values\":{\"T\":-1}}";

  private WebTestClient operator;
  private String period;

  @BeforeEach
  void operator() {
    operator = operatorApi();
    period = aroundToday();
  }

  @Test
  void aPaid402AndItsRuns_showInTheFunnelRevenueSimulationsAndFailures() {
    Map<String, Object> funnelBefore = report("funnel");
    Map<String, Object> revenueBefore = report("revenue");
    Map<String, Object> runsBefore = report("simulations");
    Map<String, Object> failuresBefore = report("failures");
    Customer alice = customer();

    String sessionId = checkoutOf402(alice);
    pay(sessionId);
    String token = token(alice.client(), sessionId);
    readToTheEnd(
        simulate(alice.client(), FAILING.replace("}}", "},\"payment_token\":\"" + token + "\"}"))
            .expectStatus()
            .isEqualTo(422));
    readToTheEnd(simulate(alice.client(), withToken(token)).expectStatus().isOk());

    assertThat(
            count(
                "SELECT COUNT(*) FROM payment_requirements WHERE account_id = ?::uuid"
                    + " AND checkout_session_id = ? AND NOT quote_only",
                alice.accountId(),
                sessionId))
        .isEqualTo(1);
    Map<String, Object> funnel = report("funnel");
    for (String step : List.of("payment_required", "checkout_created", "paid", "simulated")) {
      assertThat(number(step(funnel, step), "count") - number(step(funnelBefore, step), "count"))
          .as(step)
          .isEqualTo(1);
      assertThat(
              number(step(funnel, step), "accounts") - number(step(funnelBefore, step), "accounts"))
          .as(step)
          .isEqualTo(1);
    }
    Map<String, Object> cash = usd(report("revenue"));
    Map<String, Object> cashBefore = usd(revenueBefore);
    assertThat(number(cash, "card_minor") - number(cashBefore, "card_minor")).isEqualTo(100);
    assertThat(number(cash, "runs_minor") - number(cashBefore, "runs_minor")).isEqualTo(100);
    assertThat(number(cash, "total_minor") - number(cashBefore, "total_minor")).isEqualTo(100);
    Map<String, Object> runs = report("simulations");
    assertThat(number(totals(runs), "runs") - number(totals(runsBefore), "runs")).isEqualTo(2);
    assertThat(number(totals(runs), "failed") - number(totals(runsBefore), "failed")).isEqualTo(1);
    assertThat(
            failures(report("failures"), "model_error") - failures(failuresBefore, "model_error"))
        .isEqualTo(1);
  }

  @Test
  void theSummaryListsEveryReportForThePeriodAsked() {
    Map<String, Object> summary = body(operator.get().uri("/analytics" + period).exchange());

    assertThat(summary).containsKeys("from", "to", "headline", "reports");
    assertThat((List<Map<String, Object>>) summary.get("reports"))
        .extracting(r -> r.get("name"))
        .containsExactly("revenue", "simulations", "accounts", "funnel", "failures", "models");
    for (Map<String, Object> r : (List<Map<String, Object>>) summary.get("reports")) {
      operator.get().uri((String) r.get("href")).exchange().expectStatus().isOk();
    }
    Map<String, Object> revenue = report("revenue");
    assertThat(revenue.get("currencies")).isEqualTo(List.of("usd"));
    assertThat((List<?>) revenue.get("days")).hasSize(3);
    assertThat(((Map<?, ?>) ((List<?>) revenue.get("days")).get(0)).get("day"))
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    assertThat(report("accounts")).containsKeys("created", "active", "repeat", "paying");
    assertThat(report("models")).containsKey("models");
  }

  @Test
  void badDates_are400NamingTheField() {
    operator
        .get()
        .uri("/analytics/revenue?from=yesterday")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("from");
    operator
        .get()
        .uri("/analytics/funnel?to=2026-02-30")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("to");
    operator
        .get()
        .uri("/analytics?from=2020-01-01&to=2026-01-01")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("from");
  }

  @Test
  void theExperimentsReport_showsTheQueueAndTheNodes_andMetricsAreForOperators() {
    Map<String, Object> report =
        body(operator.get().uri("/analytics/experiments").exchange().expectStatus().isOk());
    assertThat(report).containsKeys("queue_depth", "running", "nodes");
    assertThat(report.get("nodes")).isInstanceOf(List.class);

    String metrics =
        operator
            .get()
            .uri("/metrics")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics)
        .contains("# TYPE fmugw_experiment_cases_queued gauge")
        .contains("fmugw_experiment_cases_running{node=\"")
        .contains("fmugw_sandbox_workers_busy ");
    customer().client().get().uri("/metrics").exchange().expectStatus().isForbidden();
    customer().client().get().uri("/analytics/experiments").exchange().expectStatus().isForbidden();
    client.get().uri("/metrics").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void customers_get403() {
    Customer mallory = customer();

    for (String uri : List.of("/analytics", "/analytics/revenue", "/analytics/funnel")) {
      mallory
          .client()
          .get()
          .uri(uri)
          .exchange()
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    client.get().uri("/analytics").exchange().expectStatus().isUnauthorized();
  }

  private Map<String, Object> report(String name) {
    return body(operator.get().uri("/analytics/" + name + period).exchange().expectStatus().isOk());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> step(Map<String, Object> funnel, String name) {
    return ((List<Map<String, Object>>) funnel.get("steps"))
        .stream().filter(s -> name.equals(s.get("step"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> usd(Map<String, Object> revenue) {
    Map<String, Object> totals = (Map<String, Object>) revenue.get("totals");
    return ((List<Map<String, Object>>) totals.get("cash"))
        .stream().filter(c -> "usd".equals(c.get("currency"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> totals(Map<String, Object> simulations) {
    return (Map<String, Object>) simulations.get("totals");
  }

  @SuppressWarnings("unchecked")
  private static long failures(Map<String, Object> failures, String cause) {
    return ((List<Map<String, Object>>) failures.get("by_cause"))
        .stream()
            .filter(c -> cause.equals(c.get("cause")))
            .mapToLong(c -> number(c, "failures"))
            .sum();
  }

  private static long number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).longValue();
  }
}
