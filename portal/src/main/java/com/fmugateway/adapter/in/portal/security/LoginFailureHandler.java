package com.fmugateway.adapter.in.portal.security;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A failed log-in goes back to the log-in page with its message and the email the user typed (kept
 * in a short-lived cookie of the log-in page, never in the URL, and not in a session: a failed
 * log-in makes none; the password is never kept). One refused for too many failures says how many
 * minutes to wait.
 */
public final class LoginFailureHandler implements ServerAuthenticationFailureHandler {

  /** The cookie holding the email of the last failed log-in, read once by the log-in page. */
  static final String TYPED_EMAIL = "FMUGW_LOGIN_EMAIL";

  private static final String LOGIN_PAGE = "/portal/login";
  private static final URI FAILED = URI.create(LOGIN_PAGE + "?error");
  private static final Duration KEPT = Duration.ofMinutes(5);
  private static final int MAX_EMAIL = 320;

  private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

  @Override
  public Mono<Void> onAuthenticationFailure(
      WebFilterExchange filterExchange, AuthenticationException exception) {
    ServerWebExchange exchange = filterExchange.getExchange();
    return exchange
        .getFormData()
        .doOnNext(
            form -> {
              String email = form.getFirst("username");
              if (email != null && email.length() <= MAX_EMAIL) {
                exchange
                    .getResponse()
                    .addCookie(cookie(URLEncoder.encode(email, StandardCharsets.UTF_8), KEPT));
              }
            })
        .then(
            redirect.sendRedirect(
                exchange,
                exception instanceof LogInThrottledException throttled
                    ? URI.create(LOGIN_PAGE + "?throttled=" + throttled.retryMinutes())
                    : FAILED));
  }

  /** The email of the last failed log-in ({@code ""} if none), and forgets it. */
  public static String takeTypedEmail(ServerWebExchange exchange) {
    HttpCookie typed = exchange.getRequest().getCookies().getFirst(TYPED_EMAIL);
    if (typed == null) {
      return "";
    }
    exchange.getResponse().addCookie(cookie("", Duration.ZERO));
    try {
      String email = URLDecoder.decode(typed.getValue(), StandardCharsets.UTF_8);
      return email.length() <= MAX_EMAIL ? email : "";
    } catch (IllegalArgumentException notOurs) {
      return "";
    }
  }

  private static ResponseCookie cookie(String value, Duration maxAge) {
    return ResponseCookie.from(TYPED_EMAIL, value)
        .path(LOGIN_PAGE)
        .maxAge(maxAge)
        .httpOnly(true)
        .sameSite("Lax")
        .build();
  }
}
