package com.fmugateway.adapter.in.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ReturnToCookieTest {

  private final ReturnToCookie cache = new ReturnToCookie();

  @Test
  void aPortalPageAskedForAsHtml_isSavedAndReadBack_thenClearedWhenShown() {
    ResponseCookie saved = asked("/portal/runs?page=2", MediaType.TEXT_HTML);
    assertThat(saved).isNotNull();
    assertThat(saved.isHttpOnly()).isTrue();

    assertThat(cache.getRedirectUri(withCookie("/portal/login", saved.getValue())).block())
        .isEqualTo(URI.create("/portal/runs?page=2"));

    MockServerWebExchange otherPage = withCookie("/portal/login", saved.getValue());
    assertThat(cache.removeMatchingRequest(otherPage).block()).isNull();
    assertThat(otherPage.getResponse().getCookies()).isEmpty();

    MockServerWebExchange shown = withCookie("/portal/runs?page=2", saved.getValue());
    assertThat(cache.removeMatchingRequest(shown).block()).isNotNull();
    assertThat(shown.getResponse().getCookies().getFirst("FMUGW_RETURN_TO").getMaxAge()).isZero();
  }

  @Test
  void aRequestNotForAPage_isNotSaved() {
    assertThat(asked("/portal/keys", MediaType.APPLICATION_JSON)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"//evil.example/portal", "https://evil.example/portal", "/portalx", "/\\evil", ""})
  void aPlantedCookieNamingAnotherPlace_isIgnored(String place) {
    String planted = Base64.getUrlEncoder().encodeToString(place.getBytes(StandardCharsets.UTF_8));
    assertThat(cache.getRedirectUri(withCookie("/portal/login", planted)).block()).isNull();
  }

  @Test
  void aCookieThatIsNotBase64_isIgnored() {
    assertThat(cache.getRedirectUri(withCookie("/portal/login", "%%%")).block()).isNull();
  }

  /** The cookie saved for a visitor who asked for {@code path} as {@code accepted}, or null. */
  private ResponseCookie asked(String path, MediaType accepted) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get(path).accept(accepted));
    cache.saveRequest(exchange).block();
    return exchange.getResponse().getCookies().getFirst("FMUGW_RETURN_TO");
  }

  private static MockServerWebExchange withCookie(String path, String value) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get(path).cookie(new HttpCookie("FMUGW_RETURN_TO", value)));
  }
}
