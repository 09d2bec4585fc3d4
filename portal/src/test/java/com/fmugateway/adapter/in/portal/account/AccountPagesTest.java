package com.fmugateway.adapter.in.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sign-up, log-in, the dashboard and the API keys page. */
@PortalSliceTest
class AccountPagesTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void signUpAndLogInForms_carryACsrfToken() {
    PortalBrowser visitor = PortalBrowser.visitor(client);

    assertThat(visitor.page("/portal/signup"))
        .contains("name=\"_csrf\"")
        .contains("id=\"email\"")
        .contains("id=\"password\"");
    assertThat(visitor.page("/portal/login"))
        .contains("name=\"_csrf\"")
        .contains("id=\"username\"");
  }

  @Test
  void aRefusedPassword_isShownNextToItsFieldWithTheEmailKept() {
    PortalBrowser visitor = PortalBrowser.visitor(client);

    EntityExchangeResult<String> result =
        visitor.post(
            "/portal/signup",
            visitor.page("/portal/signup"),
            "email",
            "kept@example.com",
            "password",
            "short1");

    String page = result.getResponseBody();
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(page).contains("id=\"password-error\"").doesNotContain("id=\"email-error\"");
    assertThat(page).contains("value=\"kept@example.com\"").doesNotContain("short1");
  }

  @Test
  void aPasswordOver72Bytes_isRefusedNextToItsField_notCutShortByBcrypt() {
    PortalBrowser visitor = PortalBrowser.visitor(client);

    String page =
        visitor
            .post(
                "/portal/signup",
                visitor.page("/portal/signup"),
                "email",
                "long-" + System.nanoTime() + "@example.com",
                "password",
                "correct horse 42 " + "x".repeat(56))
            .getResponseBody();

    assertThat(page).contains("id=\"password-error\"").contains("72 bytes");
  }

  @Test
  void signingUp_showsTheFirstKeyOnce() {
    PortalBrowser visitor = PortalBrowser.visitor(client);

    String page =
        visitor
            .post(
                "/portal/signup",
                visitor.page("/portal/signup"),
                "email",
                "new-" + System.nanoTime() + "@example.com",
                "password",
                PortalBrowser.PASSWORD)
            .getResponseBody();

    assertThat(page).contains("id=\"new-key\"").containsPattern("fmugw_[A-Za-z0-9_-]{20,}");
  }

  @Test
  void signingUp_logsTheNewAccountIn() {
    PortalBrowser visitor = PortalBrowser.visitor(client);
    visitor.post(
        "/portal/signup",
        visitor.page("/portal/signup"),
        "email",
        "in-" + System.nanoTime() + "@example.com",
        "password",
        PortalBrowser.PASSWORD);

    assertThat(visitor.page("/portal")).containsPattern("id=\"balance\"").contains("Log out");
  }

  @Test
  void signingUpWithARegisteredEmail_neitherSaysSoNorLogsIn() {
    String email = "taken-" + System.nanoTime() + "@example.com";
    PortalBrowser first = PortalBrowser.visitor(client);
    first.post(
        "/portal/signup",
        first.page("/portal/signup"),
        "email",
        email,
        "password",
        "first pass 123");
    PortalBrowser other = PortalBrowser.visitor(client);

    EntityExchangeResult<String> result =
        other.post(
            "/portal/signup",
            other.page("/portal/signup"),
            "email",
            email,
            "password",
            PortalBrowser.PASSWORD);

    assertThat(result.getResponseBody())
        .contains("id=\"signup-error\"")
        .contains("could not create an account with these details")
        .doesNotContain("registered")
        .doesNotContain("id=\"new-key\"");
    other.get("/portal").expectStatus().is3xxRedirection();
  }

  @Test
  void theDashboard_showsTheBalanceThePlanAndNoRunsYet() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page = customer.page("/portal");

    assertThat(page).containsPattern("id=\"balance\"[^>]*>0<");
    assertThat(page).containsPattern("id=\"runs\"[^>]*>0<");
    assertThat(page).contains(">free<").contains("No runs yet.");
    assertThat(page).contains("Log out");
  }

  @Test
  void theKeysPage_listsKeysAndShowsANewOneOnce() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    String keys = customer.page("/portal/keys");
    assertThat(keys).contains("id=\"keys\"").contains("fmugw_");

    String created = customer.post("/portal/keys", keys).getResponseBody();

    assertThat(created).contains("id=\"new-key\"");
    assertThat(created.split("/revoke\"", -1)).hasSize(3);
  }
}
