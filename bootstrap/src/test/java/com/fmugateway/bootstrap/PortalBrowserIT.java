package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal in headless Chromium, as customers meet it: sign up, create a key, buy credits through
 * the sandbox provider's checkout, run {@code msl:BouncingBall} and see it plotted and paid for;
 * meanwhile an operator, in a browser of their own, sees that purchase and that run appear in the
 * dashboards; a customer sweeps a parameter from the run form, watches it run and plots it, and an
 * operator sees the case queue. Every page visited is saved as a screenshot under {@code
 * target/screenshots}.
 */
@TestPropertySource(
    properties = {
      "fmugw.operator.email=" + PortalBrowserIT.OPERATOR,
      "fmugw.operator.password=" + PortalBrowserIT.OPERATOR_PASSWORD
    })
class PortalBrowserIT extends AbstractBrowserIT {

  static final String OPERATOR = "browser-ops@fmugateway.test";
  static final String OPERATOR_PASSWORD = "operator pass 2026";

  @Autowired CreditLedger ledger;

  @Test
  void aVisitorSignsUpCreatesAKeyBuysCreditsRunsBouncingBallAndSeesTheBalanceDrop() {
    awaitOperator();
    try (Browser operator = Browser.open("http://localhost:" + port)) {
      logIn(operator, OPERATOR, OPERATOR_PASSWORD);
      assertThat(operator.has("#nav-ops")).isTrue();
      operator.go("/portal/ops");
      BigDecimal cryptoBefore = new BigDecimal(total(operator, "revenue", "Crypto"));
      long runsBefore = Long.parseLong(total(operator, "simulations", "Runs"));

      aVisitorBuysCreditsAndRunsBouncingBall();

      operator.go("/portal/ops");
      assertThat(new BigDecimal(total(operator, "revenue", "Crypto")))
          .isEqualByComparingTo(cryptoBefore.add(new BigDecimal("8.00")));
      assertThat(Long.parseLong(total(operator, "simulations", "Runs"))).isEqualTo(runsBefore + 1);
      assertThat(operator.text("#table-models")).contains("lib:BouncingBall");
      assertThat(operator.has("#report-revenue canvas")).isTrue();
      operator.screenshot("19-ops-dashboard");
    }
  }

  private void aVisitorBuysCreditsAndRunsBouncingBall() {
    browser.go("/");
    assertThat(browser.text("#pricing")).contains("100 credits a month").contains("8.00 USD");
    browser.screenshot("01-landing");

    browser.go("/portal/login");
    assertThat(browser.has("#login-error")).as("an error on a first visit").isFalse();
    assertThat(browser.has("#logged-out")).as("logged out on a first visit").isFalse();
    signUp();
    browser.screenshot("03-welcome");
    browser.click("#to-dashboard");
    assertThat(browser.path()).as("signing up logs in").isEqualTo("/portal");
    assertThat(browser.text("#balance")).isEqualTo("100");
    browser.screenshot("05-dashboard");

    browser.go("/portal/keys");
    browser.click("#create-key");
    assertThat(browser.await("#new-key").getText()).startsWith("fmugw_");
    assertThat(browser.all("#keys tbody tr")).hasSize(2);
    browser.screenshot("06-keys");

    browser.go("/portal/credits");
    browser.screenshot("07-credits");
    browser.click("#pack-10 input[value='crypto']");
    browser.click("#buy-10");
    browser.await("button.pay");
    assertThat(browser.path()).startsWith("/sandbox/checkout/");
    assertThat(browser.pageText()).contains("8.00");
    browser.screenshot("08-sandbox-checkout");
    browser.click("button.pay");
    browser.await("#notice");
    assertThat(browser.path()).isEqualTo("/portal/credits");
    assertThat(browser.text("#notice")).contains("100 credits added");
    assertThat(browser.text("#balance")).isEqualTo("200");
    assertThat(browser.text("#ledger tbody tr:first-child"))
        .contains("Credit pack")
        .contains("+100");
    browser.screenshot("09-credits-paid");

    browser.go("/portal/models");
    browser.screenshot("10-models");
    browser.click("a[href='/portal/models/lib:BouncingBall']");
    assertThat(browser.all("#variables tbody tr td:first-child"))
        .extracting(WebElement::getText)
        .contains("h", "v", "e", "g");
    browser.screenshot("11-model");

    browser.go("/portal/run?model=msl:BouncingBall");
    browser.type("#stopTime", "3");
    browser.type("#step", "0.01");
    browser.type("#outputs", "h");
    browser.click("#run");
    browser.await("#chart[data-plotted='true']");
    assertThat(browser.text("#cost")).isEqualTo("10");
    assertThat(browser.text("#kpis")).contains("h_max").doesNotContain("v_max");
    browser.screenshot("12-run");

    browser.go("/portal");
    assertThat(browser.text("#balance")).isEqualTo("190");
    assertThat(browser.text("#recent-runs")).contains("BouncingBall").contains("succeeded");
    browser.screenshot("13-dashboard-after-run");
    browser.screenshot("13-dashboard-after-run-phone", 390);
    browser.go("/portal/runs");
    browser.screenshot("14-history");
    browser.go("/portal/credits");
    assertThat(browser.text("#ledger tbody tr:first-child"))
        .contains("Simulation run")
        .contains("-10");
  }

  @Test
  void everyFormShowsWhatWentWrongAndKeepsWhatWasTyped() {
    browser.go("/portal/signup");
    String email = "kim-" + UUID.randomUUID() + "@example.com";
    browser.type("#email", email);
    browser.type("#password", "short1");
    browser.click("form button[type='submit']");
    assertThat(browser.await("#password-error").getText()).contains("at least 12 characters");
    assertThat(browser.value("#email")).isEqualTo(email);
    browser.screenshot("02-signup-error");

    browser.type("#password", PASSWORD);
    browser.click("form button[type='submit']");
    browser.await("#new-key");
    browser.go("/portal/login");
    browser.type("#username", email);
    browser.type("#password", "not the password 1");
    browser.click("#login-form button[type='submit']");
    assertThat(browser.await("#login-error").getText()).contains("Wrong email or password");
    assertThat(browser.value("#username")).isEqualTo(email);
    browser.screenshot("04-login-error");
    logIn(email, PASSWORD);

    browser.go("/portal/run?model=msl:BouncingBall");
    browser.type("#stopTime", "three");
    browser.type("#outputs", "h, speed");
    browser.click("#run");
    assertThat(browser.await(".error").getText()).contains("'three' is not a number");
    assertThat(browser.value("#stopTime")).isEqualTo("three");
    assertThat(browser.value("#outputs")).isEqualTo("h, speed");
    browser.type("#stopTime", "1");
    browser.click("#run");
    assertThat(browser.await("#outputs-error").getText()).contains("speed");
    assertThat(browser.value("#outputs")).isEqualTo("h, speed");
    browser.screenshot("15-run-error");

    browser.go("/portal/models");
    browser.find("#file").sendKeys(notAnFmu().toString());
    browser.click("#upload");
    assertThat(browser.await("#upload-error").getText()).startsWith("not-an-fmu");
    browser.screenshot("16-upload-error");
  }

  @Test
  void uploadsAreListedByNameRunAgainKeepsEverySettingAndEveryActionIsReachableOnAPhone()
      throws java.io.IOException {
    logIn(signUp(), PASSWORD);

    // An upload is listed on the Models page by its model name, with a Run link that picks it.
    browser.go("/portal/models");
    assertThat(browser.has("#no-uploads")).isTrue();
    browser.find("#file").sendKeys(libraryFmu("FirstOrderLag").toString());
    browser.click("#upload");
    browser.await("#variables");
    String uploadId = browser.path().substring("/portal/models/".length());
    browser.go("/portal/models");
    assertThat(browser.text("#uploads tbody tr:first-child")).contains("FirstOrderLag");
    assertThat(browser.pageText()).doesNotContain(uploadId);
    browser.screenshot("20-models-with-upload");
    browser.click("#uploads tbody tr:first-child a.run-link");
    browser.await("#run-form");
    assertThat(browser.value("#fmuId")).isEqualTo(uploadId);
    assertThat(browser.text("#model-name")).contains("FirstOrderLag");
    assertThat(
            browser.all("#models option").stream()
                .filter(o -> uploadId.equals(o.getDomProperty("value")))
                .map(o -> o.getDomProperty("label")))
        .singleElement()
        .asString()
        .startsWith("FirstOrderLag");
    browser.click("#run");
    browser.await("#chart[data-plotted='true']");

    // A run with settings beyond the defaults, some of them under "More settings".
    browser.go("/portal/run?model=msl:BouncingBall");
    browser.type("#stopTime", "2");
    browser.type("#step", "0.05");
    browser.click("#fmuInterface option[value='me']");
    browser.type("#startValues", "e=0.8");
    browser.type("#outputs", "h");
    browser.click("#more-settings summary");
    browser.click("#solver option[value='rk4']");
    browser.type("#kpiNames", "h_max, h_final");
    browser.click("#run");
    browser.await("#chart[data-plotted='true']");
    assertThat(browser.text("#kpis")).contains("h_max").contains("h_final").doesNotContain("h_min");

    // History names the model, and Run again brings every setting back.
    browser.go("/portal/runs");
    assertThat(browser.text("#history tbody tr:first-child .model")).isEqualTo("BouncingBall");
    assertThat(browser.text("#history")).contains("FirstOrderLag").doesNotContain(uploadId);
    browser.click("#history tbody tr:first-child a.rerun");
    browser.await("#run-form");
    assertThat(browser.value("#fmuId")).isEqualTo("lib:BouncingBall");
    assertThat(browser.value("#stopTime")).isEqualTo("2");
    assertThat(browser.value("#step")).isEqualTo("0.05");
    assertThat(browser.value("#fmuInterface")).isEqualTo("me");
    assertThat(browser.value("#startValues")).isEqualTo("e=0.8");
    assertThat(browser.value("#outputs")).isEqualTo("h");
    assertThat(browser.value("#solver")).isEqualTo("rk4");
    assertThat(browser.value("#kpiNames")).isEqualTo("h_max, h_final");
    assertThat(browser.find("#more-settings").getDomProperty("open")).isEqualTo("true");
    browser.screenshot("21-run-again");
    browser.click("#run");
    browser.await("#chart[data-plotted='true']");
    assertThat(browser.text("#kpis")).contains("h_final").doesNotContain("h_min");

    // On a phone, every action of every table is on screen and takes the tap.
    browser.go("/portal/keys");
    browser.click("#create-key");
    browser.await("#new-key");
    browser.resize(390, 844);
    assertThat(browser.viewportWidth()).isLessThanOrEqualTo(390);
    Map<String, String> actions =
        Map.of(
            "/portal/keys", "#keys button.revoke, #create-key",
            "/portal/runs", "#history a.rerun",
            "/portal/models", "#uploads a, #library a, #upload",
            "/portal/credits", "button[id^='buy-'], input[name='method'], #ledger code",
            "/portal", "#recent-runs td");
    java.util.List<String> unreachable = new java.util.ArrayList<>();
    for (Map.Entry<String, String> page : new java.util.TreeMap<>(actions).entrySet()) {
      browser.go(page.getKey());
      assertThat(browser.all(page.getValue())).as(page.getKey()).isNotEmpty();
      unreachable.addAll(browser.unreachable(page.getValue()));
    }
    assertThat(unreachable).as("actions out of reach at 390 px").isEmpty();

    browser.go("/portal/runs");
    browser.screenshot("22-history-phone", 390);
    browser.resize(390, 844);
    browser.click("#history tbody tr:first-child a.rerun");
    browser.await("#run-form");
    assertThat(browser.value("#kpiNames")).isEqualTo("h_max, h_final");
    browser.go("/portal/keys");
    int active = browser.all("#keys button.revoke").size();
    browser.click("#keys tbody tr:first-child button.revoke");
    browser.until(d -> browser.all("#keys button.revoke").size() == active - 1);
    browser.screenshot("23-keys-phone", 390);
    browser.go("/portal/models");
    browser.screenshot("24-models-phone", 390);
    browser.go("/portal/credits");
    browser.screenshot("25-credits-phone", 390);
  }

  @Test
  void aCustomerIsTurnedAwayFromOperatorPagesWithAPageNotAStackTrace() {
    logIn(signUp(), PASSWORD);
    assertThat(browser.has("#nav-ops")).as("an Operations link for a customer").isFalse();

    browser.go("/portal/ops");
    assertThat(browser.text("#error h1")).isEqualTo("Not for your account");
    browser.screenshot("17-ops-forbidden");

    browser.go("/portal/no-such-page");
    assertThat(browser.text("#error h1")).isEqualTo("Page not found");
    browser.screenshot("18-not-found");
  }

  @Test
  void aSweepStartedFromTheRunForm_runsLive_isTabledAndPlotted_andAnotherCanBeCancelled() {
    String email = "sweeper-" + UUID.randomUUID() + "@example.com";
    Map<?, ?> signedUp = TestKeys.signUp(client, email, PASSWORD);
    logIn(email, PASSWORD);

    // From the run form, with its model, to a quoted four-case sweep.
    browser.go("/portal/run?model=lib:BouncingBall");
    browser.type("#stopTime", "1");
    browser.click("#sweep");
    browser.await("#experiment-form");
    assertThat(browser.value("#fmuId")).isEqualTo("lib:BouncingBall");
    assertThat(browser.value("#stopTime")).isEqualTo("1");
    browser.click("#method option[value='full_factorial']");
    browser.type("#parameters", "e: values 0.6, 0.7, 0.8, 0.9");
    browser.click("#preview");
    assertThat(browser.await("#quote").getText()).contains("4 cases at 10 credits each: 40");
    browser.screenshot("26-experiment-quote");

    // Started, it is polled to its end: four rows, a scatter plot, a CSV link.
    browser.click("#start");
    browser.await("#experiment");
    browser.until(d -> "true".equals(browser.find("#experiment").getDomAttribute("data-finished")));
    assertThat(browser.text("#status")).isEqualTo("succeeded");
    browser.until(d -> browser.all("#cases tbody tr").size() == 4);
    assertThat(browser.find("#progress").getDomProperty("value")).isEqualTo("4");
    assertThat(browser.await("#scatter[data-plotted='true']").getDomAttribute("data-points"))
        .isEqualTo("4");
    assertThat(browser.has("#cancel")).as("a cancel button once it ended").isFalse();
    assertThat(browser.find("#csv").getDomAttribute("href")).endsWith("/cases.csv");
    browser.click("#cases thead th[data-key='v:e']");
    browser.click("#cases thead th[data-key='v:e']");
    assertThat(browser.text("#cases tbody tr:first-child td[data-label='e']")).isEqualTo("0.9");
    browser.screenshot("27-experiment-done");
    browser.screenshot("28-experiment-done-phone", 390);
    String finished = browser.path();

    // Credits short: nothing starts, the checkout is offered as for a run.
    browser.go("/portal/experiments/new");
    browser.click("#method option[value='latin_hypercube']");
    browser.type("#samples", "500");
    browser.type("#parameters", "e: uniform 0.5 0.9");
    browser.click("#start");
    assertThat(browser.await("#experiment-error").getText()).contains("quoted at 5000 credits");
    assertThat(browser.has("#buy-credits")).isTrue();
    browser.screenshot("29-experiment-credits-short");

    // With credits bought, a large sweep is cancelled while it runs.
    AccountId account = new AccountId(UUID.fromString((String) signedUp.get("account_id")));
    ledger
        .credit(account, EntryKind.PURCHASE, 10_000, LedgerKey.purchase("it-" + account), "it")
        .block();
    browser.click("#start");
    browser.await("#experiment");
    assertThat(browser.text("#status")).isIn("queued", "running");
    browser.click("#cancel");
    browser.await("#experiment");
    browser.until(d -> "true".equals(browser.find("#experiment").getDomAttribute("data-finished")));
    assertThat(browser.text("#status")).isEqualTo("cancelled");
    assertThat(browser.text("#held")).isEqualTo("0");
    browser.screenshot("30-experiment-cancelled");
    browser.go("/portal/experiments");
    assertThat(browser.all("#experiments tbody tr")).hasSize(2);
    assertThat(browser.text("#experiments tbody tr:first-child .status")).isEqualTo("cancelled");
    browser.screenshot("31-experiments");
    browser.screenshot("32-experiments-phone", 390);

    // Someone else's experiment is not found.
    try (Browser other = Browser.open("http://localhost:" + port)) {
      other.go("/portal/signup");
      other.type("#email", "other-" + UUID.randomUUID() + "@example.com");
      other.type("#password", PASSWORD);
      other.click("form button[type='submit']");
      other.await("#new-key");
      other.go(finished);
      assertThat(other.text("#error h1")).isEqualTo("Page not found");
    }

    // The operator sees the queue and the node that ran those cases.
    awaitOperator();
    try (Browser operator = Browser.open("http://localhost:" + port)) {
      logIn(operator, OPERATOR, OPERATOR_PASSWORD);
      operator.go("/portal/ops");
      assertThat(operator.has("#case-load")).isTrue();
      assertThat(operator.all("#table-case-nodes tbody tr")).isNotEmpty();
      assertThat(operator.text("#table-case-nodes")).containsPattern("\\d+\\.\\d{2}");
      operator.screenshot("33-ops-case-queue");
    }
  }

  /** The first operator is set up once the gateway is ready, in the background. */
  private void awaitOperator() {
    Awaitility.await()
        .untilAsserted(
            () ->
                client
                    .post()
                    .uri("/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", OPERATOR, "password", OPERATOR_PASSWORD))
                    .exchange()
                    .expectStatus()
                    .isCreated());
  }

  /** Signs a new visitor up through the form; returns the email. */
  private void logIn(String email, String password) {
    logIn(browser, email, password);
  }

  private static void logIn(Browser browser, String email, String password) {
    browser.go("/portal/login");
    browser.type("#username", email);
    browser.type("#password", password);
    browser.click("#login-form button[type='submit']");
    browser.until(ExpectedConditions.not(ExpectedConditions.urlContains("/portal/login")));
  }

  /** The period total an operator reads in the column of {@code table} whose heading starts so. */
  private static String total(Browser operator, String table, String heading) {
    return (String)
        operator.script(
            "const t = document.getElementById('table-' + arguments[0]);"
                + "const i = [...t.querySelectorAll('thead th')]"
                + "  .findIndex(th => th.textContent.trim().startsWith(arguments[1]));"
                + "return i < 0 ? null : t.querySelectorAll('tfoot td')[i].textContent.trim();",
            table,
            heading);
  }

  /** A built-in library FMU written to a file, for the upload field. */
  private static java.nio.file.Path libraryFmu(String name) throws java.io.IOException {
    java.nio.file.Path file =
        java.nio.file.Files.createTempDirectory("fmu-upload-").resolve(name + ".fmu");
    java.nio.file.Files.write(file, FmuApiIT.libraryFmu(name));
    file.toFile().deleteOnExit();
    return file;
  }

  private static java.nio.file.Path notAnFmu() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("not-an-fmu", ".fmu");
      java.nio.file.Files.writeString(file, "this is not a zip archive");
      file.toFile().deleteOnExit();
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
