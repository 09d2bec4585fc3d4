package com.fmugateway.adapter.in.portal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.simulation.model.RunRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The run form, its result, its errors next to their fields, and the run history. */
@PortalSliceTest
class RunPagesTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void theRunForm_offersTheLibraryAndDefaults() {
    String page = PortalBrowser.customer(client, gateway).page("/portal/run");

    assertThat(page).contains("id=\"run-form\"").contains("name=\"_csrf\"");
    assertThat(page).contains("<option value=\"lib:AllTypes\">");
    assertThat(page).contains("id=\"stopTime\" name=\"stopTime\" value=\"3\"");
    assertThat(page).doesNotContain("id=\"result\"");
  }

  @Test
  void aRun_showsItsCostKpisAndSeries_andLandsInTheHistoryAndDashboard() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    gateway
        .ledger
        .credit(
            customer.account(),
            EntryKind.PURCHASE,
            100,
            LedgerKey.purchase("run-" + customer.account()),
            "t")
        .block();

    String page =
        runAllTypes(
            customer, customer.page("/portal/run"), "1", "0.5", "cs", "real_param=4", "real_out");

    assertThat(page).contains("id=\"result\"");
    assertThat(page).containsPattern("id=\"cost\"[^>]*>10<");
    assertThat(page).contains(">3</span> <span>samples");
    assertThat(page).contains("<td>real_out_max</td>").contains("<td>real_out_final</td>");
    assertThat(page).contains("id=\"series\">{\"time\":[0.0,0.5,1.0],\"real_out\":[");
    assertThat(page).contains("real_param=4").contains("value=\"real_out\"");

    String history = customer.page("/portal/runs");
    assertThat(history).contains("id=\"history\"");
    assertThat(history).contains("title=\"lib:AllTypes\" data-label=\"Model\">AllTypes</td>");
    assertThat(history).contains("data-label=\"Status\">succeeded</td>").contains(">cs</td>");
    String dashboard = customer.page("/portal");
    assertThat(dashboard).contains("id=\"recent-runs\"").containsPattern("id=\"balance\"[^>]*>90<");
  }

  @Test
  void aMistypedNumber_isShownNextToItsFieldWithWhatWasTyped() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        runAllTypes(customer, customer.page("/portal/run"), "soon", "0.1", "auto", "", "");

    assertThat(page).contains("value=\"soon\"");
    assertThat(page)
        .containsPattern(
            "id=\"stopTime\" name=\"stopTime\" value=\"soon\">\\s*<p class=\"error\">&#39;soon&#39; is"
                + " not a number</p>");
    assertThat(page).doesNotContain("id=\"result\"");
  }

  @Test
  void aBadStartValueLine_isShownUnderTheStartValues() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        runAllTypes(
            customer, customer.page("/portal/run"), "1", "0.1", "auto", "no equals sign", "");

    assertThat(page).contains("id=\"start-values-error\"").contains(">no equals sign</textarea>");
  }

  @Test
  void anArrayStartValueThatIsNoJsonArray_orATickThatIsNoNumber_isShownOnTheForm() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        runAllTypes(
            customer, customer.page("/portal/run"), "1", "0.1", "auto", "real_param=[1, 2", "");
    assertThat(page)
        .contains("id=\"start-values-error\"")
        .contains("write an array as JSON")
        .contains(">real_param=[1, 2</textarea>");

    String ticks =
        customer
            .post(
                "/portal/run",
                customer.page("/portal/run"),
                "fmuId",
                "lib:AllTypes",
                "stopTime",
                "1",
                "fmuInterface",
                "auto",
                "ticks.trigger",
                "0.5, soon")
            .getResponseBody();
    // AllTypes has no clocks, so no tick fields: the error is shown with the run's.
    assertThat(ticks).contains("id=\"run-error\"").contains("&#39;soon&#39; is not a number");
  }

  @Test
  void withoutCredits_theRunFormOffersToBuySome() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page = runAllTypes(customer, customer.page("/portal/run"), "1", "0.1", "auto", "", "");

    assertThat(page).contains("id=\"run-error\"").contains("id=\"buy-credits\"");
  }

  @Test
  void withoutCreditsAndWithTheProviderDown_theRunFormSaysSoInsteadOfAnErrorPage() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    String form = customer.page("/portal/run");
    gateway.provider.unavailable(true);
    String page;
    try {
      page = runAllTypes(customer, form, "1", "0.1", "auto", "", "");
    } finally {
      gateway.provider.unavailable(false);
    }

    assertThat(page).contains("id=\"run-error\"").contains("nothing was charged");
  }

  @Test
  void runAgain_fillsTheFormWithEverySettingTheRunHad() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    credit(customer);
    String signals =
        "[{\"name\":\"real_in\",\"time\":[0.0,1.0],\"values\":[1.0,2.5],"
            + "\"interpolation\":\"linear\"}]";
    String ran =
        customer
            .post(
                "/portal/run",
                customer.page("/portal/run"),
                "fmuId",
                "lib:AllTypes",
                "stopTime",
                "2",
                "step",
                "0.25",
                "fmuInterface",
                "me",
                "startValues",
                "real_param=4\nbool_in=true",
                "outputs",
                "real_out",
                "startTime",
                "0.5",
                "solver",
                "rk4",
                "rtol",
                "0.0001",
                "atol",
                "",
                "kpis",
                "real_out_max, real_out_final",
                "inputSignals",
                signals)
            .getResponseBody();
    assertThat(ran).contains("id=\"result\"");

    String history = customer.page("/portal/runs");
    Matcher again = Pattern.compile("href=\"(/portal/run\\?again=[0-9a-f-]+)\"").matcher(history);
    assertThat(again.find()).as("a Run again link").isTrue();
    String form = customer.page(again.group(1));

    assertThat(form).contains("id=\"fmuId\" name=\"fmuId\" list=\"models\" value=\"lib:AllTypes\"");
    assertThat(form).contains("id=\"stopTime\" name=\"stopTime\" value=\"2\"");
    assertThat(form).contains("id=\"step\" name=\"step\" value=\"0.25\"");
    assertThat(form).contains("<option value=\"me\" selected=\"selected\">");
    assertThat(form).containsPattern("real_param=4\\s+bool_in=true|bool_in=true\\s+real_param=4");
    assertThat(form).contains("id=\"outputs\" name=\"outputs\" value=\"real_out\"");
    assertThat(form).contains("id=\"startTime\" name=\"startTime\" value=\"0.5\"");
    assertThat(form).contains("<option value=\"rk4\" selected=\"selected\">rk4</option>");
    assertThat(form).contains("id=\"rtol\" name=\"rtol\" value=\"0.0001\"");
    assertThat(form)
        .contains("id=\"kpiNames\" name=\"kpis\" value=\"real_out_max, real_out_final\"");
    assertThat(form).contains("&quot;name&quot;:&quot;real_in&quot;").contains("[1.0,2.5]");
    assertThat(form).contains("<details id=\"more-settings\" open=\"open\">");
    assertThat(form).contains("id=\"model-name\"").contains("<strong>AllTypes</strong>");
  }

  @Test
  void runAgainOfARunFromBeforeRequestsWereKept_fillsInTheModelAndInterface() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    UUID id = UUID.randomUUID();
    gateway
        .payments
        .history
        .record(
            new RunRecord(
                id,
                customer.account(),
                "lib:AllTypes",
                Optional.empty(),
                "b".repeat(64),
                "me",
                RunRecord.RunStatus.SUCCEEDED,
                Optional.empty(),
                10,
                10,
                Duration.ofMillis(1),
                Duration.ofMillis(2),
                gateway.clock.now(),
                Optional.empty()))
        .block();

    assertThat(customer.page("/portal/runs")).contains(">AllTypes</td>");
    String form = customer.page("/portal/run?again=" + id);
    assertThat(form).contains("value=\"lib:AllTypes\"");
    assertThat(form).contains("<option value=\"me\" selected=\"selected\">");
    assertThat(form).doesNotContain("id=\"again-error\"");
  }

  @Test
  void runAgainOfSomebodyElsesRun_showsTheDefaultsAndSaysSo() {
    PortalBrowser stranger = PortalBrowser.customer(client, gateway);

    String form = stranger.page("/portal/run?again=" + UUID.randomUUID());

    assertThat(form).contains("id=\"again-error\"").contains("not in your history");
    assertThat(form).contains("id=\"stopTime\" name=\"stopTime\" value=\"3\"");
  }

  @Test
  void badInputSignals_areShownUnderTheirFieldAndKeptAsTyped() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        customer
            .post(
                "/portal/run",
                customer.page("/portal/run"),
                "fmuId",
                "lib:AllTypes",
                "stopTime",
                "1",
                "step",
                "0.5",
                "fmuInterface",
                "auto",
                "inputSignals",
                "[{\"name\": 3}]")
            .getResponseBody();

    assertThat(page).contains("id=\"input-signals-error\"").contains("needs a &quot;name&quot;");
    assertThat(page).contains("<details id=\"more-settings\" open=\"open\">");
  }

  @Test
  void theRunForm_suggestsTheCustomersUploadsByName() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource("upload for the form".getBytes())).filename("A.fmu");
    String location =
        customer
            .postMultipart("/portal/models", customer.page("/portal/models"), parts)
            .getResponseHeaders()
            .getLocation()
            .toString();
    String id = location.substring("/portal/models/".length());

    String form = customer.page("/portal/run?model=" + id);

    assertThat(form).containsPattern("<option value=\"" + id + "\" label=\"AllTypes \\(uploaded");
    assertThat(form).contains("id=\"model-name\"").contains("<strong>AllTypes</strong>");
  }

  private void credit(PortalBrowser customer) {
    gateway
        .ledger
        .credit(
            customer.account(),
            EntryKind.PURCHASE,
            100,
            LedgerKey.purchase("again-" + customer.account()),
            "t")
        .block();
  }

  @Test
  void anEmptyHistory_saysSo() {
    assertThat(PortalBrowser.customer(client, gateway).page("/portal/runs"))
        .contains("No runs yet.")
        .doesNotContain("id=\"history\"");
  }

  /** Posts {@code form}, the run form, for lib:AllTypes with these fields; answers the page. */
  private static String runAllTypes(
      PortalBrowser customer,
      String form,
      String stopTime,
      String step,
      String fmuInterface,
      String startValues,
      String outputs) {
    return customer
        .post(
            "/portal/run",
            form,
            "fmuId",
            "lib:AllTypes",
            "stopTime",
            stopTime,
            "step",
            step,
            "fmuInterface",
            fmuInterface,
            "startValues",
            startValues,
            "outputs",
            outputs)
        .getResponseBody();
  }
}
