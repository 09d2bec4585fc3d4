package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operator pages over HTTP with a portal session: the dashboard's tables and charts, the date
 * filter, CSV downloads; customers get 403. Browser tests of the same pages live apart.
 */
class OperatorPagesIT extends AbstractOperatorIT {

  // New for every run of a test, failsafe's reruns included: an account from a failed attempt
  // must not make its rerun's sign-up a duplicate.
  private final String carol = "carol-" + UUID.randomUUID() + "@example.com";

  @Autowired CreditLedger ledger;

  @Test
  void theOperatorSeesEveryReportWithItsChartAndCsvLink() {
    operatorApi();
    PortalSession operator = PortalSession.logIn(client, OPERATOR, PASSWORD);

    String page = operator.page("/portal/ops" + aroundToday());

    assertThat(page).contains("id=\"nav-ops\"").contains("id=\"tiles\"");
    for (String table :
        List.of(
            "revenue",
            "simulations",
            "funnel",
            "accounts",
            "models",
            "failures-by-cause",
            "failures-by-model")) {
      assertThat(page)
          .contains("id=\"report-" + table + "\"")
          .contains("/portal/ops/" + table + ".csv?");
    }
    assertThat(page)
        .contains("id=\"table-revenue\"")
        .contains("data-chart=\"bar\" data-table=\"table-revenue\"")
        .contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js")
        .contains("/assets/ops.js");
    operator.get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").expectStatus().isOk();
    operator.get("/assets/ops.js").expectStatus().isOk();
  }

  @Test
  void aCsvHasAHeaderAndARowPerDay_andARunShowsInIt() {
    operatorApi();
    Customer alice = customer();
    String sessionId = checkoutOf402(alice);
    pay(sessionId);
    readToTheEnd(
        simulate(alice.client(), withToken(token(alice.client(), sessionId)))
            .expectStatus()
            .isOk());
    PortalSession operator = PortalSession.logIn(client, OPERATOR, PASSWORD);

    String revenue = csv(operator, "/portal/ops/revenue.csv" + aroundToday(), "revenue");
    String runs = csv(operator, "/portal/ops/simulations.csv" + aroundToday(), "simulations");
    String funnel = csv(operator, "/portal/ops/funnel.csv" + aroundToday(), "funnel");

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<String> lines = List.of(revenue.split("\r\n"));
    assertThat(lines.get(0))
        .isEqualTo("day,card_usd,crypto_usd,x402_usd,runs_usd,packs_usd,total_usd,credits_spent");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith(today.minusDays(1) + ",");
    assertThat(lines.get(2)).startsWith(today + ",").doesNotStartWith(today + ",0.00,");
    assertThat(runs.split("\r\n")[0]).isEqualTo("day,runs,succeeded,failed,accounts,credits_spent");
    assertThat(runs.split("\r\n")[2]).doesNotStartWith(today + ",0,");
    assertThat(funnel.split("\r\n"))
        .extracting(line -> line.split(",")[0])
        .containsExactly("step", "payment_required", "checkout_created", "paid", "simulated");
  }

  @Test
  void aBadDate_isShownOnThePageKeepingWhatWasTyped_andRefusedForACsv() {
    operatorApi();
    PortalSession operator = PortalSession.logIn(client, OPERATOR, PASSWORD);

    String page = operator.page("/portal/ops?from=2026-13-01&to=");

    assertThat(page)
        .contains("id=\"from-error\"")
        .contains("YYYY-MM-DD")
        .contains("value=\"2026-13-01\"")
        .doesNotContain("id=\"table-revenue\"");
    operator.get("/portal/ops/revenue.csv?to=soon").expectStatus().isBadRequest();
    operator.get("/portal/ops/nothing.csv").expectStatus().isNotFound();
  }

  @Test
  void theOperatorSeesTheCaseQueue_andTheNodeThatRanAnExperimentsCases() {
    operatorApi();
    Map<String, String> issued = TestKeys.issue(client);
    AccountId account = new AccountId(UUID.fromString(issued.get("account_id")));
    ledger
        .credit(account, EntryKind.PURCHASE, 100, LedgerKey.purchase("ops-" + account), "it")
        .block();
    WebTestClient customer =
        client
            .mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("key"))
            .build();
    Map<String, Object> started =
        body(
            customer
                .post()
                .uri("/experiments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    "{\"fmu_id\": \"lib:BouncingBall\", \"stop_time\": 1, \"step\": 0.1,"
                        + " \"sweep\": {\"method\": \"full_factorial\","
                        + " \"parameters\": {\"e\": {\"values\": [0.6, 0.8]}}}}")
                .exchange()
                .expectStatus()
                .isAccepted());
    String id = (String) started.get("experiment_id");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "succeeded"
                    .equals(
                        body(customer
                                .get()
                                .uri("/experiments/" + id)
                                .exchange()
                                .expectStatus()
                                .isOk())
                            .get("status")));
    PortalSession operator = PortalSession.logIn(client, OPERATOR, PASSWORD);

    String page = operator.page("/portal/ops");

    assertThat(page)
        .contains("id=\"case-load\"")
        .contains("id=\"tile-cases-queued\"")
        .contains("id=\"tile-cases-running\"")
        .contains("id=\"table-case-nodes\"");
  }

  @Test
  void customers_get403_andNoOperationsLink() {
    assertThat(TestKeys.signUp(client, carol, "just a customer 42")).containsKey("key");
    PortalSession customer = PortalSession.logIn(client, carol, "just a customer 42");

    assertThat(customer.page("/portal")).doesNotContain("id=\"nav-ops\"");
    customer.get("/portal/ops").expectStatus().isForbidden();
    customer.get("/portal/ops/revenue.csv").expectStatus().isForbidden();
  }

  @Test
  void aVisitor_isOfferedLogInAndSignUp_notTheMembersNavigation() {
    String login =
        client
            .get()
            .uri("/portal/login")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(login)
        .contains("href=\"/portal/signup\"")
        .doesNotContain("action=\"/portal/logout\"")
        .doesNotContain("id=\"nav-ops\"");
    client.get().uri("/portal/ops").exchange().expectStatus().is3xxRedirection();
  }

  private static String csv(PortalSession session, String path, String table) {
    return session
        .get(path)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .expectHeader()
        .value(
            HttpHeaders.CONTENT_DISPOSITION,
            d -> assertThat(d).startsWith("attachment;").contains("fmugw-" + table + "-"))
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
