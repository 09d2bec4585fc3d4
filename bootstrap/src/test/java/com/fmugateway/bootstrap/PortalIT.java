package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The portal over HTTP as a browser uses it (session cookie, CSRF token in each form), for what a
 * browser test cannot see: status codes and headers. {@link PortalBrowserIT} drives the same pages
 * in Chromium.
 */
class PortalIT extends AbstractGatewayIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final Map<String, String> cookies = new HashMap<>();

  @Test
  void aVisitorSignsUpLogsInAndSeesTheirCredits() {
    String signUpPage = get("/portal/signup");

    String rejected =
        post("/portal/signup", form(signUpPage, "email", "eve@example.com", "password", "short1"))
            .getResponseBody();
    assertThat(rejected).contains("id=\"password-error\"").contains("at least 12 characters");
    assertThat(rejected).contains("value=\"eve@example.com\"");

    String welcome =
        post(
                "/portal/signup",
                form(rejected, "email", "eve@example.com", "password", "secure pass 123"))
            .getResponseBody();
    assertThat(welcome).containsPattern("id=\"new-key\">fmugw_[A-Za-z0-9_-]{40,}<");

    EntityExchangeResult<String> login =
        post(
            "/portal/login",
            form(
                get("/portal/login"),
                "username",
                "eve@example.com",
                "password",
                "secure pass 123"));
    assertThat(login.getStatus().is3xxRedirection()).isTrue();
    assertThat(login.getResponseHeaders().getLocation()).hasPath("/portal");

    String dashboard = get("/portal");
    assertThat(dashboard).contains("id=\"balance\">100<");

    String keys = post("/portal/keys", form(get("/portal/keys"))).getResponseBody();
    assertThat(keys).containsPattern("id=\"new-key\">fmugw_");
  }

  @Test
  void aCustomerGets403OnOperatorPages_asAPageWithoutInternals() {
    String signUpPage = get("/portal/signup");
    post(
        "/portal/signup",
        form(signUpPage, "email", "max@example.com", "password", "secure pass 123"));
    post(
        "/portal/login",
        form(get("/portal/login"), "username", "max@example.com", "password", "secure pass 123"));

    for (String page : new String[] {"/portal/ops", "/portal/ops/revenue.csv"}) {
      String body =
          client
              .get()
              .uri(page)
              .accept(MediaType.TEXT_HTML)
              .cookies(c -> cookies.forEach(c::add))
              .exchange()
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
  void pagesNeedALogIn_andFormsNeedTheirCsrfToken() {
    client
        .get()
        .uri("/portal")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches(HttpHeaders.LOCATION, ".*/portal/login");
    get("/portal/signup");
    client
        .post()
        .uri("/portal/signup")
        .cookies(c -> cookies.forEach(c::add))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("email", "x@example.com")
                .with("password", "secure pass 123"))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  private String get(String path) {
    EntityExchangeResult<String> result =
        client
            .get()
            .uri(path)
            .cookies(c -> cookies.forEach(c::add))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult();
    remember(result);
    return result.getResponseBody();
  }

  private EntityExchangeResult<String> post(String path, MultiValueMap<String, String> form) {
    EntityExchangeResult<String> result =
        client
            .post()
            .uri(path)
            .cookies(c -> cookies.forEach(c::add))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectBody(String.class)
            .returnResult();
    remember(result);
    return result;
  }

  private void remember(EntityExchangeResult<?> result) {
    for (var entry : result.getResponseCookies().entrySet()) {
      ResponseCookie cookie = entry.getValue().get(0);
      cookies.put(entry.getKey(), cookie.getValue());
    }
  }

  private static MultiValueMap<String, String> form(String page, String... fields) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf.group(1));
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    return form;
  }
}
