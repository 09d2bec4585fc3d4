package com.fmugateway.adapter.in.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Credentials;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The portal as a browser uses it, without the browser: the session cookie kept between requests
 * and each form posted with the CSRF token of the page it came from.
 */
public final class PortalBrowser {

  /** Meets the sign-up rules: 12 characters or more, a letter and a digit. */
  public static final String PASSWORD = "correct horse 42";

  /** Where the portal is reached in these tests. */
  public static final String ORIGIN = "http://portal.test";

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final WebTestClient client;
  private final Map<String, String> cookies = new HashMap<>();
  private AccountId account;

  private PortalBrowser(WebTestClient client) {
    // An absolute address, as a browser's requests have: pages build return URLs from it.
    this.client = client.mutate().baseUrl(ORIGIN).build();
  }

  /** A visitor who has not logged in. */
  public static PortalBrowser visitor(WebTestClient client) {
    return new PortalBrowser(client);
  }

  /** A new customer, signed up and logged in through the portal's own forms. */
  public static PortalBrowser customer(WebTestClient client, InMemoryGateway gateway) {
    return signedUp(client, gateway, false);
  }

  /** A new customer made operator before logging in. */
  public static PortalBrowser operator(WebTestClient client, InMemoryGateway gateway) {
    return signedUp(client, gateway, true);
  }

  private static PortalBrowser signedUp(
      WebTestClient client, InMemoryGateway gateway, boolean operator) {
    String email = "user-" + System.nanoTime() + "@example.com";
    PortalBrowser visitor = visitor(client);
    EntityExchangeResult<String> welcome =
        visitor.post(
            "/portal/signup", visitor.page("/portal/signup"), "email", email, "password", PASSWORD);
    assertThat(welcome.getStatus().value()).isEqualTo(200);
    if (operator) {
      gateway.accounts.promoteToOperator(email).block();
    }
    PortalBrowser browser = visitor(client);
    EntityExchangeResult<String> loggedIn =
        browser.post(
            "/portal/login",
            browser.page("/portal/login"),
            "username",
            email,
            "password",
            PASSWORD);
    assertThat(loggedIn.getStatus().is3xxRedirection()).as("logged in").isTrue();
    assertThat(loggedIn.getResponseHeaders().getLocation()).hasPath("/portal");
    browser.account =
        gateway.accounts.findCredentials(email).map(Credentials::account).block().id();
    return browser;
  }

  /** The account this browser is logged in to. */
  public AccountId account() {
    return account;
  }

  /** A page that must answer 200. */
  public String page(String path) {
    return remember(get(path).expectStatus().isOk().expectBody(String.class).returnResult())
        .getResponseBody();
  }

  public WebTestClient.ResponseSpec get(String path) {
    return client
        .get()
        .uri(path)
        .accept(MediaType.TEXT_HTML)
        .cookies(c -> cookies.forEach(c::add))
        .exchange();
  }

  /** A GET that asks for {@code accept}, as a page's script asks for JSON. */
  public WebTestClient.ResponseSpec get(String path, MediaType accept) {
    return client.get().uri(path).accept(accept).cookies(c -> cookies.forEach(c::add)).exchange();
  }

  /** Posts a form of {@code page} with that page's CSRF token and the given name, value pairs. */
  public EntityExchangeResult<String> post(String path, String page, String... fields) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf.group(1));
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    return remember(
        client
            .post()
            .uri(path)
            .accept(MediaType.TEXT_HTML)
            .cookies(c -> cookies.forEach(c::add))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectBody(String.class)
            .returnResult());
  }

  /** Posts a multipart form of {@code page}, its CSRF token in the body as a browser sends it. */
  public EntityExchangeResult<String> postMultipart(
      String path, String page, MultipartBodyBuilder parts) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
    parts.part("_csrf", csrf.group(1));
    return remember(
        client
            .post()
            .uri(path)
            .accept(MediaType.TEXT_HTML)
            .cookies(c -> cookies.forEach(c::add))
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(parts.build()))
            .exchange()
            .expectBody(String.class)
            .returnResult());
  }

  private <T> EntityExchangeResult<T> remember(EntityExchangeResult<T> result) {
    for (var entry : result.getResponseCookies().entrySet()) {
      ResponseCookie cookie = entry.getValue().get(0);
      cookies.put(entry.getKey(), cookie.getValue());
    }
    return result;
  }
}
