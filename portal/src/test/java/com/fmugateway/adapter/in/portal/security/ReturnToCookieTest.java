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
    MockServerWebExchange asked =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/portal/runs?page=2").accept(MediaType.TEXT_HTML));
    cache.saveRequest(asked).block();
    ResponseCookie saved = asked.getResponse().getCookies().getFirst("FMUGW_RETURN_TO");
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
    MockServerWebExchange json =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/portal/keys").accept(MediaType.APPLICATION_JSON));
    cache.saveRequest(json).block();
    assertThat(json.getResponse().getCookies()).isEmpty();
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

  private static MockServerWebExchange withCookie(String path, String value) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get(path).cookie(new HttpCookie("FMUGW_RETURN_TO", value)));
  }
}
