package com.fmugateway.adapter.in.portal.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The portal page a visitor asked for before being sent to log in, kept in a cookie for {@value
 * #KEPT_MINUTES} minutes rather than in a session, so that visitors make no session. The cookie
 * holds a path of the portal only (never another site), is read back after the log-in, and is
 * cleared once that page is shown. Spring Security's {@code CookieServerRequestCache} cleared it on
 * every request, the log-in page's included, so the log-in always went to the dashboard.
 */
final class ReturnToCookie implements ServerRequestCache {

  private static final String COOKIE = "FMUGW_RETURN_TO";
  private static final int KEPT_MINUTES = 10;
  private static final int MAX_LENGTH = 2048;

  @Override
  public Mono<Void> saveRequest(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    String page = pathAndQuery(request.getURI());
    if (request.getMethod() == HttpMethod.GET && asksForHtml(request) && isPortalPage(page)) {
      exchange.getResponse().addCookie(cookie(encode(page), Duration.ofMinutes(KEPT_MINUTES)));
    }
    return Mono.empty();
  }

  @Override
  public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
    return Mono.justOrEmpty(saved(exchange.getRequest())).map(URI::create);
  }

  @Override
  public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    String saved = saved(request);
    if (saved == null || !saved.equals(pathAndQuery(request.getURI()))) {
      return Mono.empty();
    }
    exchange.getResponse().addCookie(cookie("", Duration.ZERO));
    return Mono.just(request);
  }

  private static String saved(ServerHttpRequest request) {
    HttpCookie cookie = request.getCookies().getFirst(COOKIE);
    if (cookie == null || cookie.getValue().length() > MAX_LENGTH) {
      return null;
    }
    try {
      String page =
          new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
      return isPortalPage(page) ? page : null;
    } catch (IllegalArgumentException notOurs) {
      return null;
    }
  }

  /** A path of the portal's own, so a planted cookie cannot send a browser anywhere else. */
  private static boolean isPortalPage(String page) {
    return (page.equals("/portal") || page.startsWith("/portal/") || page.startsWith("/portal?"))
        && page.length() <= MAX_LENGTH
        && page.chars().noneMatch(c -> c == '\\' || c < 0x20);
  }

  private static boolean asksForHtml(ServerHttpRequest request) {
    List<MediaType> accepted = request.getHeaders().getAccept();
    return accepted.stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
  }

  private static String pathAndQuery(URI uri) {
    String query = uri.getRawQuery();
    return uri.getRawPath() + (query == null ? "" : "?" + query);
  }

  private static String encode(String page) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(page.getBytes(StandardCharsets.UTF_8));
  }

  private static ResponseCookie cookie(String value, Duration maxAge) {
    return ResponseCookie.from(COOKIE, value)
        .path("/portal")
        .maxAge(maxAge)
        .httpOnly(true)
        .sameSite("Lax")
        .build();
  }
}
