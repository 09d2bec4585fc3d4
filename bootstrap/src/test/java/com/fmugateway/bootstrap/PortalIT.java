package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The portal over HTTP as a browser uses it (session cookie, CSRF token in each form), for what a
 * browser test cannot see: status codes and headers. {@link PortalBrowserIT} drives the same pages
 * in Chromium.
 */
class PortalIT extends AbstractGatewayIT {

  private static final String PASSWORD = "secure pass 123";

  @Test
  void aVisitorSignsUpLogsInAndSeesTheirCredits() {
    PortalSession visitor = PortalSession.visitor(client);

    String rejected =
        visitor
            .post(
                "/portal/signup",
                visitor.page("/portal/signup"),
                "email",
                "eve@example.com",
                "password",
                "short1")
            .getResponseBody();
    assertThat(rejected).contains("id=\"password-error\"").contains("at least 12 characters");
    assertThat(rejected).contains("value=\"eve@example.com\"");

    String welcome =
        visitor
            .post("/portal/signup", rejected, "email", "eve@example.com", "password", PASSWORD)
            .getResponseBody();
    assertThat(welcome).containsPattern("id=\"new-key\">fmugw_[A-Za-z0-9_-]{40,}<");

    PortalSession eve = PortalSession.logIn(client, "eve@example.com", PASSWORD);
    assertThat(eve.page("/portal")).contains("id=\"balance\">100<");
    String keys = eve.post("/portal/keys", eve.page("/portal/keys")).getResponseBody();
    assertThat(keys).containsPattern("id=\"new-key\">fmugw_");
  }

  @Test
  void buyingAPackThatIsNotOnSale_saysSoOnTheCreditsPageAndOpensNoCheckout() {
    PortalSession visitor = PortalSession.visitor(client);
    visitor.post(
        "/portal/signup",
        visitor.page("/portal/signup"),
        "email",
        "ann@example.com",
        "password",
        PASSWORD);
    PortalSession ann = PortalSession.logIn(client, "ann@example.com", PASSWORD);

    EntityExchangeResult<String> refused =
        ann.post(
            "/portal/credits/checkout", ann.page("/portal/credits"), "pack", "7", "method", "card");

    assertThat(refused.getStatus().value()).isEqualTo(200);
    assertThat(refused.getResponseBody())
        .contains("id=\"buy-error\"")
        .contains("must be one of 10, 50")
        .contains("id=\"balance\">100<");
  }

  @Test
  void pagesNeedALogIn_andFormsNeedTheirCsrfToken() {
    client
        .get()
        .uri("/portal")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches(HttpHeaders.LOCATION, ".*/portal/login");
    client
        .post()
        .uri("/portal/signup")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("email", "x@example.com").with("password", PASSWORD))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aCustomerGets403OnOperatorPages_asAPageWithoutInternals() {
    PortalSession visitor = PortalSession.visitor(client);
    EntityExchangeResult<String> signedUp =
        visitor.post(
            "/portal/signup",
            visitor.page("/portal/signup"),
            "email",
            "max@example.com",
            "password",
            PASSWORD);
    assertThat(signedUp.getStatus().is2xxSuccessful()).isTrue();
    PortalSession max = PortalSession.logIn(client, "max@example.com", PASSWORD);

    for (String page : new String[] {"/portal/ops", "/portal/ops/revenue.csv"}) {
      String body =
          max.get(page, MediaType.TEXT_HTML)
              .expectStatus()
              .isForbidden()
              .expectHeader()
              .contentTypeCompatibleWith(MediaType.TEXT_HTML)
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(body).contains("Not for your account").doesNotContain("Exception");
    }
  }
}
