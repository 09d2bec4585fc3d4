package com.fmugateway.adapter.in.portal.security;

import java.net.URI;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * A failed log-in goes back to the log-in page with its message and the email the user typed (kept
 * in the session, never in the URL; the password is never kept). One refused for too many failures
 * says how many minutes to wait.
 */
public final class LoginFailureHandler implements ServerAuthenticationFailureHandler {

  /** The session attribute holding the email of the last failed log-in, read once. */
  public static final String TYPED_EMAIL = "fmugw.login.email";

  private static final URI FAILED = URI.create("/portal/login?error");
  private static final int MAX_EMAIL = 320;

  private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

  @Override
  public Mono<Void> onAuthenticationFailure(
      WebFilterExchange filterExchange, AuthenticationException exception) {
    var exchange = filterExchange.getExchange();
    return exchange
        .getFormData()
        .zipWith(exchange.getSession())
        .doOnNext(
            t -> {
              String email = t.getT1().getFirst("username");
              if (email != null && email.length() <= MAX_EMAIL) {
                t.getT2().getAttributes().put(TYPED_EMAIL, email);
              }
            })
        .then(
            redirect.sendRedirect(
                exchange,
                exception instanceof LogInThrottledException throttled
                    ? URI.create("/portal/login?throttled=" + throttled.retryMinutes())
                    : FAILED));
  }
}
