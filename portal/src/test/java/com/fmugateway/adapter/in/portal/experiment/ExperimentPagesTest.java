package com.fmugateway.adapter.in.portal.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The experiment pages over the in-memory gateway, whose queued cases stay queued. */
@PortalSliceTest
class ExperimentPagesTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  private static final String[] SWEEP = {
    "fmuId", "lib:AllTypes",
    "stopTime", "1",
    "step", "0.5",
    "outputs", "real_out",
    "method", "full_factorial",
    "parameters", "real_param: values 1, 2, 3"
  };

  @Test
  void aQuote_showsCasesAndCredits_andHoldsNothing() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        customer
            .post("/portal/experiments", customer.page("/portal/experiments/new"), with("quote"))
            .getResponseBody();

    assertThat(page).contains("id=\"quote\"").contains("3 cases at 10 credits each: 30 credits");
    assertThat(page).contains(">real_param: values 1, 2, 3</textarea>");
    assertThat(customer.page("/portal/experiments")).contains("id=\"no-experiments\"");
  }

  @Test
  void started_itsPageProgressAndCasesAreTheOwnersOnly_andCancelEndsIt() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    gateway
        .ledger
        .credit(
            customer.account(),
            EntryKind.PURCHASE,
            100,
            LedgerKey.purchase("sweep-" + customer.account()),
            "t")
        .block();
    EntityExchangeResult<String> started =
        customer.post(
            "/portal/experiments", customer.page("/portal/experiments/new"), with("start"));
    assertThat(started.getStatus().is3xxRedirection()).as(started.getResponseBody()).isTrue();
    String location = started.getResponseHeaders().getLocation().getPath();

    String page = customer.page(location);
    assertThat(page).contains("id=\"progress\"").contains("id=\"cancel\"").contains("lib:AllTypes");
    Map<?, ?> progress = json(customer, location + "/progress");
    assertThat(progress.get("total")).isEqualTo(3);
    assertThat(progress.get("held")).isEqualTo(30);
    assertThat(json(customer, location + "/cases").get("rows")).asList().hasSize(3);
    assertThat(customer.page("/portal/experiments")).contains(location).contains("0 / 3");

    PortalBrowser other = PortalBrowser.customer(client, gateway);
    other.get(location).expectStatus().isNotFound();
    other.get(location + "/progress", MediaType.APPLICATION_JSON).expectStatus().isNotFound();
    assertThat(other.post(location + "/cancel", other.page("/portal")).getStatus().value())
        .isEqualTo(404);

    EntityExchangeResult<String> cancelled = customer.post(location + "/cancel", page);
    assertThat(cancelled.getStatus().is3xxRedirection()).isTrue();
    Map<?, ?> ended = json(customer, location + "/progress");
    assertThat(ended.get("status")).isEqualTo("cancelled");
    assertThat(ended.get("held")).isEqualTo(0);
  }

  @Test
  void aSweepTheCreditsDoNotCover_offersCredits() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        customer
            .post(
                "/portal/experiments",
                customer.page("/portal/experiments/new"),
                "fmuId",
                "lib:AllTypes",
                "method",
                "latin_hypercube",
                "samples",
                "90",
                "parameters",
                "real_param: uniform 0 1",
                "action",
                "start")
            .getResponseBody();

    assertThat(page).contains("id=\"experiment-error\"").contains("id=\"buy-credits\"");
  }

  @Test
  void aSweepThatCannotBeRead_isShownBackWithWhatWasTyped() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        customer
            .post(
                "/portal/experiments",
                customer.page("/portal/experiments/new"),
                "fmuId",
                "lib:AllTypes",
                "method",
                "full_factorial",
                "parameters",
                "real_param: between 1 and 2",
                "action",
                "quote")
            .getResponseBody();

    assertThat(page).contains("id=\"experiment-error\"").contains("not &#39;between&#39;");
    assertThat(page).contains(">real_param: between 1 and 2</textarea>");
  }

  private static String[] with(String action) {
    String[] fields = java.util.Arrays.copyOf(SWEEP, SWEEP.length + 2);
    fields[SWEEP.length] = "action";
    fields[SWEEP.length + 1] = action;
    return fields;
  }

  private static Map<?, ?> json(PortalBrowser session, String path) {
    return session
        .get(path, MediaType.APPLICATION_JSON)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
