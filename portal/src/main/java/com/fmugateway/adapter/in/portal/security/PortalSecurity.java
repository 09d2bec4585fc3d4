package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.port.in.LogInUseCase;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.session.ReactiveSessionRegistry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ConcurrentSessionControlServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.InvalidateLeastUsedServerMaximumSessionsExceededHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.RegisterSessionServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.SessionLimit;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.session.WebSessionStore;

/**
 * The portal's security: form log-in with a session cookie ({@code SameSite=Lax}, {@code Secure}
 * over HTTPS), CSRF protection on every form, a Content-Security-Policy, and the operator pages for
 * operators only (customers get 403).
 *
 * <p>Only a log-in makes a session. A visitor's CSRF token and the page to return to after logging
 * in are kept in cookies, so pages anyone can ask for cannot fill the gateway's session store (it
 * holds at most {@code server.reactive.session.max-sessions}, then refuses every new session). An
 * account keeps its {@value #SESSIONS_PER_ACCOUNT} most recently used sessions; logging in once
 * more ends the least recently used one.
 */
public final class PortalSecurity {

  /** Paths the portal owns; everything else belongs to the API's chain. */
  public static final String[] PORTAL_PATHS = {
    "/", "/portal", "/portal/**", "/assets/**", "/favicon.ico"
  };

  /**
   * Everything from the gateway itself (Chart.js included), nothing inline, no framing. No {@code
   * form-action}: buying credits posts to the portal, which redirects to the provider's checkout.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  /** Browsers and devices one account can be logged in on at once. */
  public static final int SESSIONS_PER_ACCOUNT = 10;

  private PortalSecurity() {}

  public static SecurityWebFilterChain chain(
      ServerHttpSecurity http,
      LogInUseCase logIn,
      ServerAccessDeniedHandler accessDenied,
      ReactiveSessionRegistry sessions,
      WebSessionStore sessionStore) {
    RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
    loggedOut.setLogoutSuccessUrl(URI.create("/portal/login?logout"));
    // Upload forms are multipart: read their CSRF token from the multipart body too.
    ServerCsrfTokenRequestAttributeHandler csrfTokens =
        new ServerCsrfTokenRequestAttributeHandler();
    csrfTokens.setTokenFromMultipartDataEnabled(true);
    CookieServerCsrfTokenRepository csrfCookies = new CookieServerCsrfTokenRepository();
    csrfCookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    ServerRequestCache returnTo = new ReturnToCookie();
    RedirectServerAuthenticationSuccessHandler loggedIn =
        new RedirectServerAuthenticationSuccessHandler("/portal");
    loggedIn.setRequestCache(returnTo);
    // The session limit's own handlers, which Spring Security drops once the log-in has a success
    // handler of its own: end the least recently used sessions beyond the limit, then count this
    // one.
    ConcurrentSessionControlServerAuthenticationSuccessHandler perAccount =
        new ConcurrentSessionControlServerAuthenticationSuccessHandler(
            sessions, new InvalidateLeastUsedServerMaximumSessionsExceededHandler(sessionStore));
    perAccount.setSessionLimit(SessionLimit.of(SESSIONS_PER_ACCOUNT));
    List<ServerAuthenticationSuccessHandler> onLogIn =
        List.of(
            perAccount, new RegisterSessionServerAuthenticationSuccessHandler(sessions), loggedIn);
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PORTAL_PATHS))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfCookies).csrfTokenRequestHandler(csrfTokens))
        .requestCache(cache -> cache.requestCache(returnTo))
        // Keeps each session's last use in the registry, and drops a session that ended.
        .sessionManagement(
            session ->
                session.concurrentSessions(
                    limit ->
                        limit
                            .sessionRegistry(sessions)
                            .maximumSessions(SessionLimit.of(SESSIONS_PER_ACCOUNT))))
        .authenticationManager(new PortalAuthenticationManager(logIn))
        .authorizeExchange(
            routes ->
                routes
                    .pathMatchers("/", "/assets/**", "/favicon.ico")
                    .permitAll()
                    .pathMatchers("/portal/login", "/portal/signup", "/portal/checkout/*")
                    .permitAll()
                    .pathMatchers("/portal/ops/**")
                    .hasRole("OPERATOR")
                    .anyExchange()
                    .authenticated())
        .addFilterAt(new SecureCookiesOverHttps(), SecurityWebFiltersOrder.FIRST)
        .exceptionHandling(denied -> denied.accessDeniedHandler(accessDenied))
        // HSTS (a year) is among the defaults, sent only on HTTPS requests: behind a proxy that
        // ends TLS, the forwarded headers say so when the gateway is configured to honour them.
        .headers(
            headers ->
                headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
        .formLogin(
            form ->
                form.loginPage("/portal/login")
                    .authenticationFailureHandler(new LoginFailureHandler())
                    .authenticationSuccessHandler(handlers -> handlers.addAll(onLogIn)))
        .logout(
            logout ->
                logout
                    .requiresLogout(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/portal/logout"))
                    .logoutSuccessHandler(loggedOut))
        .build();
  }
}
