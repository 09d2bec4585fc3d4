package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The portal as a browser uses it, without the browser: the session cookie kept between requests
 * and each form posted with the CSRF token of the page it came from.
 */
final class PortalSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final WebTestClient client;
  private final Map<String, String> cookies = new HashMap<>();

  private PortalSession(WebTestClient client) {
    this.client = client;
  }

  /** Logs in through the log-in form; fails unless the portal redirects to the dashboard. */
  static PortalSession logIn(WebTestClient client, String email, String password) {
    PortalSession session = new PortalSession(client);
    EntityExchangeResult<String> result = session.submitLogIn(email, password);
    assertThat(result.getStatus().is3xxRedirection()).as("logged in").isTrue();
    assertThat(result.getResponseHeaders().getLocation()).hasPath("/portal");
    return session;
  }

  /** Fills in and posts the log-in form, in this browser; whatever the portal answers. */
  EntityExchangeResult<String> submitLogIn(String email, String password) {
    return post("/portal/login", page("/portal/login"), "username", email, "password", password);
  }

  /** A visitor who has not logged in. */
  static PortalSession visitor(WebTestClient client) {
    return new PortalSession(client);
  }

  /** A page that must answer 200. */
  String page(String path) {
    return remember(get(path).expectStatus().isOk().expectBody(String.class).returnResult())
        .getResponseBody();
  }

  WebTestClient.ResponseSpec get(String path) {
    return client.get().uri(path).cookies(c -> cookies.forEach(c::add)).exchange();
  }

  /** A GET that asks for {@code accept}, as a browser asks for HTML. */
  WebTestClient.ResponseSpec get(String path, MediaType accept) {
    return client.get().uri(path).accept(accept).cookies(c -> cookies.forEach(c::add)).exchange();
  }

  /** Posts a form of {@code page} with that page's CSRF token and the given name, value pairs. */
  EntityExchangeResult<String> post(String path, String page, String... fields) {
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
            .cookies(c -> cookies.forEach(c::add))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectBody(String.class)
            .returnResult());
  }

  /** A GET as a browser asks for a page, of one that answers without a body (a redirect). */
  EntityExchangeResult<Void> visit(String path) {
    return remember(get(path, MediaType.TEXT_HTML).expectBody().isEmpty());
  }

  private <T> EntityExchangeResult<T> remember(EntityExchangeResult<T> result) {
    for (var entry : result.getResponseCookies().entrySet()) {
      ResponseCookie cookie = entry.getValue().get(0);
      if (cookie.getMaxAge().isZero()) {
        cookies.remove(entry.getKey());
      } else {
        cookies.put(entry.getKey(), cookie.getValue());
      }
    }
    return result;
  }
}
