package com.fmugateway.adapter.in.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may see which portal page: visitors, customers and operators. */
@PortalSliceTest
class PortalSecurityTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void aVisitor_isSentToLogInFromEveryCustomerPage() {
    PortalBrowser visitor = PortalBrowser.visitor(client);
    for (String page :
        new String[] {
          "/portal",
          "/portal/credits",
          "/portal/models",
          "/portal/run",
          "/portal/runs",
          "/portal/keys",
          "/portal/ops"
        }) {
      visitor.get(page).expectStatus().is3xxRedirection().expectHeader().location("/portal/login");
    }
  }

  @Test
  void theLandingPageLogInSignUpAndStaticAssets_areOpen() {
    PortalBrowser visitor = PortalBrowser.visitor(client);
    visitor.page("/");
    visitor.page("/portal/login");
    visitor.page("/portal/signup");
    client
        .get()
        .uri("/assets/portal.css")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.parseMediaType("text/css"));
    client.get().uri("/assets/run.js").exchange().expectStatus().isOk();
  }

  @Test
  void aFormWithoutItsCsrfToken_isRefused() {
    client
        .post()
        .uri("/portal/signup")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("email=a%40example.com&password=correct+horse+42")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aWrongPassword_goesBackToLogInWithTheMessageAndTheTypedEmail() {
    PortalBrowser visitor = PortalBrowser.visitor(client);
    EntityExchangeResult<String> failed =
        visitor.post(
            "/portal/login",
            visitor.page("/portal/login"),
            "username",
            "nobody@example.com",
            "password",
            "wrong password 1");

    assertThat(failed.getResponseHeaders().getLocation()).hasToString("/portal/login?error");
    String page = visitor.page("/portal/login?error");
    assertThat(page).contains("id=\"login-error\"").contains("Wrong email or password.");
    assertThat(page).contains("value=\"nobody@example.com\"");
    assertThat(page).doesNotContain("wrong password 1");
  }

  @Test
  void afterFiveWrongPasswordsForAnEmail_logInIsRefusedForAWhile_evenWithTheRightOne() {
    PortalBrowser owner = PortalBrowser.customer(client, gateway);
    String email = gateway.accounts.findById(owner.account()).block().email().orElseThrow();
    PortalBrowser attacker = PortalBrowser.visitor(client);
    for (int i = 0; i < 5; i++) {
      EntityExchangeResult<String> failed =
          attacker.post(
              "/portal/login",
              attacker.page("/portal/login"),
              "username",
              email,
              "password",
              "guess number " + i);
      assertThat(failed.getResponseHeaders().getLocation()).hasToString("/portal/login?error");
    }

    PortalBrowser again = PortalBrowser.visitor(client);
    EntityExchangeResult<String> refused =
        again.post(
            "/portal/login",
            again.page("/portal/login"),
            "username",
            email,
            "password",
            PortalBrowser.PASSWORD);

    assertThat(refused.getResponseHeaders().getLocation().toString())
        .startsWith("/portal/login?throttled=");
    assertThat(again.page(refused.getResponseHeaders().getLocation().toString()))
        .containsPattern("Too many failed log-ins. Try again in \\d+ minutes.")
        .doesNotContain("Wrong email or password.");
    again.get("/portal").expectStatus().is3xxRedirection();
  }

  @Test
  void aFirstVisitToLogIn_showsNeitherTheErrorNorTheLoggedOutNotice() {
    String page = PortalBrowser.visitor(client).page("/portal/login");

    assertThat(page).doesNotContain("Wrong email or password.").doesNotContain("logged out");
  }

  @Test
  void afterLoggingOut_theLogInPageSaysSoAndShowsNoError() {
    String page = PortalBrowser.visitor(client).page("/portal/login?logout");

    assertThat(page).contains("You are logged out.").doesNotContain("Wrong email or password.");
  }

  @Test
  void aCustomer_getsTheForbiddenPageOnOperatorPages() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        customer
            .get("/portal/ops")
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("id=\"error\"").contains("403");
    customer.get("/portal/ops/revenue.csv").expectStatus().isForbidden();
    assertThat(customer.page("/portal")).doesNotContain("id=\"nav-ops\"");
  }

  @Test
  void anOperator_seesTheOperatorPagesAndTheirLink() {
    PortalBrowser operator = PortalBrowser.operator(client, gateway);

    assertThat(operator.page("/portal")).contains("id=\"nav-ops\"");
    assertThat(operator.page("/portal/ops")).contains("id=\"tiles\"").contains("id=\"period\"");
  }
}
