package com.fmugateway.adapter.in.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The landing page tells a visitor how to start and what it costs. */
@PortalSliceTest
class HomePageTest {

  @Autowired WebTestClient client;

  @Test
  void theLandingPage_showsThePricesThePacksAndHowToPay() {
    String page = PortalBrowser.visitor(client).page("/");

    assertThat(page).contains("id=\"pricing\"");
    assertThat(page).contains("1.00 USD").contains("8.00 USD").contains("35.00 USD");
    assertThat(page).contains("10 runs").contains("50 runs").contains("100 credits");
    assertThat(page).contains("Card").contains("Crypto");
    assertThat(page).contains("curl -X POST " + PortalBrowser.ORIGIN + "/keys");
    assertThat(page).contains("href=\"/portal/signup\"").doesNotContain("Log out");
  }
}
