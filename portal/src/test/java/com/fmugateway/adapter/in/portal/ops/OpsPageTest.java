package com.fmugateway.adapter.in.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The operators' dashboard: a period, its tiles and reports, and the period form's errors. */
@PortalSliceTest
class OpsPageTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void theDashboard_showsThePeriodTilesAndEveryReport() {
    String page =
        PortalBrowser.operator(client, gateway).page("/portal/ops?from=2026-01-01&to=2026-01-07");

    assertThat(page).contains("id=\"period\"").contains("2026-01-01").contains("2026-01-07");
    assertThat(page).contains("id=\"tiles\"").contains("id=\"report-revenue\"");
    assertThat(page).contains("href=\"/portal/ops/revenue.csv?from=2026-01-01&amp;to=2026-01-07\"");
  }

  @Test
  void aMistypedDate_isShownNextToItsFieldWithWhatWasTyped() {
    String page = PortalBrowser.operator(client, gateway).page("/portal/ops?from=yesterday");

    assertThat(page).contains("id=\"from-error\"").contains("value=\"yesterday\"");
    assertThat(page).doesNotContain("id=\"tiles\"");
  }
}
