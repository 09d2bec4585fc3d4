package com.fmugateway.adapter.in.portal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
                "cs",
                "startValues",
                "real_param=4",
                "outputs",
                "real_out")
            .getResponseBody();

    assertThat(page).contains("id=\"result\"");
    assertThat(page).containsPattern("id=\"cost\"[^>]*>10<");
    assertThat(page).contains(">3</span> <span>samples");
    assertThat(page).contains("<td>real_out_max</td>").contains("<td>real_out_final</td>");
    assertThat(page).contains("id=\"series\">{\"time\":[0.0,0.5,1.0],\"real_out\":[");
    assertThat(page).contains("real_param=4").contains("value=\"real_out\"");

    String history = customer.page("/portal/runs");
    assertThat(history).contains("id=\"history\"").contains("<td>lib:AllTypes</td>");
    assertThat(history).contains("<td>succeeded</td>").contains("<td>cs</td>");
    String dashboard = customer.page("/portal");
    assertThat(dashboard).contains("id=\"recent-runs\"").containsPattern("id=\"balance\"[^>]*>90<");
  }

  @Test
  void aMistypedNumber_isShownNextToItsFieldWithWhatWasTyped() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        customer
            .post(
                "/portal/run",
                customer.page("/portal/run"),
                "fmuId",
                "lib:AllTypes",
                "stopTime",
                "soon",
                "step",
                "0.1",
                "fmuInterface",
                "auto",
                "startValues",
                "",
                "outputs",
                "")
            .getResponseBody();

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
        customer
            .post(
                "/portal/run",
                customer.page("/portal/run"),
                "fmuId",
                "lib:AllTypes",
                "stopTime",
                "1",
                "step",
                "0.1",
                "fmuInterface",
                "auto",
                "startValues",
                "no equals sign",
                "outputs",
                "")
            .getResponseBody();

    assertThat(page).contains("id=\"start-values-error\"").contains(">no equals sign</textarea>");
  }

  @Test
  void withoutCredits_theRunFormOffersToBuySome() {
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
                "0.1",
                "fmuInterface",
                "auto",
                "startValues",
                "",
                "outputs",
                "")
            .getResponseBody();

    assertThat(page).contains("id=\"run-error\"").contains("id=\"buy-credits\"");
  }

  @Test
  void withoutCreditsAndWithTheProviderDown_theRunFormSaysSoInsteadOfAnErrorPage() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    String form = customer.page("/portal/run");
    gateway.provider.unavailable(true);
    String page;
    try {
      page =
          customer
              .post(
                  "/portal/run",
                  form,
                  "fmuId",
                  "lib:AllTypes",
                  "stopTime",
                  "1",
                  "step",
                  "0.1",
                  "fmuInterface",
                  "auto",
                  "startValues",
                  "",
                  "outputs",
                  "")
              .getResponseBody();
    } finally {
      gateway.provider.unavailable(false);
    }

    assertThat(page).contains("id=\"run-error\"").contains("nothing was charged");
  }

  @Test
  void anEmptyHistory_saysSo() {
    assertThat(PortalBrowser.customer(client, gateway).page("/portal/runs"))
        .contains("No runs yet.")
        .doesNotContain("id=\"history\"");
  }
}
