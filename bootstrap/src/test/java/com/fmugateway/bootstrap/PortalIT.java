package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The portal over HTTP as a browser uses it (session cookie, CSRF token in each form), for what a
 * browser test cannot see: status codes and headers. {@link PortalBrowserIT} drives the same pages
 * in Chromium. Experiments: quote, start, the progress poll, the case table's JSON and CSV, cancel;
 * another account gets 404; short credits offer a checkout.
 */
class PortalIT extends AbstractGatewayIT {

  // New for every run of a test, failsafe's reruns included: an account from a failed attempt
  // must not make its rerun's sign-up a duplicate.
  private final String eveEmail = "eve-" + UUID.randomUUID() + "@example.com";
  private final String annEmail = "ann-" + UUID.randomUUID() + "@example.com";
  private final String maxEmail = "max-" + UUID.randomUUID() + "@example.com";

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
                eveEmail,
                "password",
                "short1")
            .getResponseBody();
    assertThat(rejected).contains("id=\"password-error\"").contains("at least 12 characters");
    assertThat(rejected).contains("value=\"" + eveEmail + "\"");

    String welcome =
        visitor
            .post("/portal/signup", rejected, "email", eveEmail, "password", PASSWORD)
            .getResponseBody();
    assertThat(welcome).containsPattern("id=\"new-key\">fmugw_[A-Za-z0-9_-]{40,}<");

    PortalSession eve = PortalSession.logIn(client, eveEmail, PASSWORD);
    assertThat(eve.page("/portal")).contains("id=\"balance\">100<");
    String keys = eve.post("/portal/keys", eve.page("/portal/keys")).getResponseBody();
    assertThat(keys).containsPattern("id=\"new-key\">fmugw_");
  }

  @Test
  void buyingAPackThatIsNotOnSale_saysSoOnTheCreditsPageAndOpensNoCheckout() {
    PortalSession visitor = PortalSession.visitor(client);
    visitor.post(
        "/portal/signup", visitor.page("/portal/signup"), "email", annEmail, "password", PASSWORD);
    PortalSession ann = PortalSession.logIn(client, annEmail, PASSWORD);

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
            maxEmail,
            "password",
            PASSWORD);
    assertThat(signedUp.getStatus().is2xxSuccessful()).isTrue();
    PortalSession max = PortalSession.logIn(client, maxEmail, PASSWORD);

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

  @Test
  void aFourCaseSweep_isQuotedStartedAndRunToTheEnd_andItsCasesAreTabledAndDownloadable() {
    PortalSession ann = signUp("ann-" + UUID.randomUUID() + "@example.com");
    String form = ann.page("/portal/experiments/new?model=lib:BouncingBall&stopTime=1&step=0.01");
    assertThat(form).contains("id=\"experiment-form\"").contains("value=\"lib:BouncingBall\"");

    String quoted = ann.post("/portal/experiments", form, sweep("quote")).getResponseBody();
    assertThat(quoted)
        .contains("id=\"quote\"")
        .contains("4 cases at 10 credits each: 40 credits; your balance is 100");

    EntityExchangeResult<String> started = ann.post("/portal/experiments", quoted, sweep("start"));
    assertThat(started.getStatus().is3xxRedirection()).isTrue();
    String location = started.getResponseHeaders().getLocation().getPath();
    assertThat(location).matches("/portal/experiments/[0-9a-f-]{36}");
    String page = ann.page(location);
    assertThat(page)
        .contains("id=\"progress\"")
        .contains("id=\"cases\"")
        .contains("id=\"scatter\"")
        .contains("/assets/experiment.js")
        .contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Boolean.TRUE.equals(json(ann, location + "/progress").get("finished")));
    Map<?, ?> progress = json(ann, location + "/progress");
    assertThat(progress.get("status")).isEqualTo("succeeded");
    assertThat(progress.get("done")).isEqualTo(4);
    assertThat(progress.get("charged")).isEqualTo(40);
    Map<?, ?> cases = json(ann, location + "/cases");
    assertThat((List<?>) cases.get("rows")).hasSize(4);
    assertThat(cases.get("parameters")).isEqualTo(List.of("e"));
    assertThat(cases.get("kpis").toString()).contains("h_max", "h_final");
    String csv =
        ann.get(location + "/cases.csv")
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(new MediaType("text", "csv"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv.split("\r\n")).hasSize(5);
    assertThat(csv).startsWith("index,status,e,h_max,");
    assertThat(ann.page("/portal/experiments")).contains(location).contains("4 / 4");
    assertThat(ann.page("/portal")).contains("href=\"/portal/experiments\"");
  }

  @Test
  void anotherAccountsExperiment_isNotFound_inEveryRoute() {
    PortalSession ann = signUp("ann-" + UUID.randomUUID() + "@example.com");
    String form = ann.page("/portal/experiments/new");
    String location =
        ann.post("/portal/experiments", form, sweep("start"))
            .getResponseHeaders()
            .getLocation()
            .getPath();
    PortalSession bob = signUp("bob-" + UUID.randomUUID() + "@example.com");

    for (String path : List.of(location, location + "/cases.csv")) {
      bob.get(path, MediaType.TEXT_HTML).expectStatus().isNotFound();
    }
    for (String path : List.of(location + "/progress", location + "/cases")) {
      bob.get(path, MediaType.APPLICATION_JSON).expectStatus().isNotFound();
    }
    EntityExchangeResult<String> cancel =
        bob.post(location + "/cancel", bob.page("/portal/experiments"));
    assertThat(cancel.getStatus().value()).isEqualTo(404);
    assertThat(bob.page("/portal/experiments")).doesNotContain(location);
    bob.get("/portal/experiments/not-a-uuid", MediaType.TEXT_HTML).expectStatus().isNotFound();
  }

  @Test
  void aSweepTheCreditsDoNotCover_holdsNothing_andOffersCredits() {
    PortalSession cat = signUp("cat-" + UUID.randomUUID() + "@example.com");
    String form = cat.page("/portal/experiments/new");

    String refused =
        cat.post(
                "/portal/experiments",
                form,
                "fmuId",
                "lib:BouncingBall",
                "stopTime",
                "1",
                "step",
                "0.01",
                "outputs",
                "h",
                "method",
                "latin_hypercube",
                "samples",
                "50",
                "parameters",
                "e: uniform 0.5 0.9",
                "action",
                "start")
            .getResponseBody();

    assertThat(refused)
        .contains("id=\"experiment-error\"")
        .contains("quoted at 500 credits")
        .contains("id=\"buy-credits\"")
        .contains(">e: uniform 0.5 0.9</textarea>");
    assertThat(cat.page("/portal/experiments")).contains("id=\"no-experiments\"");
  }

  @Test
  void aRunningExperiment_isCancelledWithItsCsrfProtectedForm() {
    PortalSession dan = signUp("dan-" + UUID.randomUUID() + "@example.com");
    String location =
        dan.post(
                "/portal/experiments",
                dan.page("/portal/experiments/new"),
                "fmuId",
                "lib:BouncingBall",
                "stopTime",
                "1",
                "step",
                "0.01",
                "method",
                "cases",
                "cases",
                "e=0.5\ne=0.6\ne=0.7\ne=0.8\ne=0.9\ne=0.55\ne=0.65\ne=0.75\ne=0.85",
                "action",
                "start")
            .getResponseHeaders()
            .getLocation()
            .getPath();

    EntityExchangeResult<String> cancelled = dan.post(location + "/cancel", dan.page(location));

    assertThat(cancelled.getStatus().is3xxRedirection()).isTrue();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Boolean.TRUE.equals(json(dan, location + "/progress").get("finished")));
    Map<?, ?> progress = json(dan, location + "/progress");
    assertThat(progress.get("held")).isEqualTo(0);
    assertThat(progress.get("status")).isIn("cancelled", "succeeded");
    assertThat(dan.page(location)).doesNotContain("id=\"cancel\"");
  }

  private PortalSession signUp(String email) {
    PortalSession visitor = PortalSession.visitor(client);
    visitor.post(
        "/portal/signup", visitor.page("/portal/signup"), "email", email, "password", PASSWORD);
    return PortalSession.logIn(client, email, PASSWORD);
  }

  private static String[] sweep(String action) {
    return new String[] {
      "fmuId", "lib:BouncingBall",
      "stopTime", "1",
      "step", "0.01",
      "outputs", "h",
      "method", "full_factorial",
      "parameters", "e: values 0.6, 0.7, 0.8, 0.9",
      "seed", "0",
      "action", action
    };
  }

  private static Map<?, ?> json(PortalSession session, String path) {
    return session
        .get(path, MediaType.APPLICATION_JSON)
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
