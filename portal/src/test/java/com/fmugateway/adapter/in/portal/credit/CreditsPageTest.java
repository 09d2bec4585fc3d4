package com.fmugateway.adapter.in.portal.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The credits page: balance, packs with their payment methods, and the ledger. */
@PortalSliceTest
class CreditsPageTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void theCreditsPage_showsTheBalanceThePacksAndTheHistory() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    gateway
        .ledger
        .credit(
            customer.account(),
            EntryKind.PURCHASE,
            100,
            LedgerKey.purchase("pack-" + customer.account()),
            "cs_1")
        .block();

    String page = customer.page("/portal/credits");

    assertThat(page).containsPattern("id=\"balance\"[^>]*>100<");
    assertThat(page).contains("id=\"pack-10\"").contains("id=\"pack-50\"").contains("8.00 USD");
    assertThat(page).contains("value=\"card\"").contains("value=\"crypto\"");
    assertThat(page).contains("id=\"ledger\"").contains("Credit pack").contains("+100");
    assertThat(page).contains("cs_1");
  }

  @Test
  void buyingAPack_sendsTheBrowserToTheProvidersCheckout() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    EntityExchangeResult<String> bought =
        customer.post(
            "/portal/credits/checkout",
            customer.page("/portal/credits"),
            "pack",
            "10",
            "method",
            "card");

    assertThat(bought.getStatus().is3xxRedirection()).isTrue();
    assertThat(bought.getResponseHeaders().getLocation()).hasHost("fake-pay.example");
    var requests = gateway.provider.requests();
    assertThat(requests)
        .anySatisfy(
            request ->
                assertThat(request.successUrl())
                    .startsWith(PortalBrowser.ORIGIN + "/portal/credits?checkout="));
  }

  @Test
  void aPackNotOnSale_isRefusedOnThePage() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    EntityExchangeResult<String> refused =
        customer.post(
            "/portal/credits/checkout",
            customer.page("/portal/credits"),
            "pack",
            "7",
            "method",
            "crypto");

    assertThat(refused.getStatus().value()).isEqualTo(200);
    assertThat(refused.getResponseBody()).contains("id=\"buy-error\"").contains("id=\"balance\"");
  }

  @Test
  void aProviderThatIsDown_isToldOnThePage() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    String page = customer.page("/portal/credits");
    gateway.provider.unavailable(true);
    String refused;
    try {
      refused =
          customer
              .post("/portal/credits/checkout", page, "pack", "50", "method", "crypto")
              .getResponseBody();
    } finally {
      gateway.provider.unavailable(false);
    }

    assertThat(refused).contains("id=\"buy-error\"").contains("nothing was charged");
    assertThat(refused)
        .as("the method chosen for that pack stays chosen")
        .containsPattern("id=\"pack-50\"[\\s\\S]*value=\"crypto\"\\s+checked");
  }
}
