package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.port.in.LogInUseCase;
import java.net.URI;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The portal's security: form log-in with a session cookie ({@code SameSite=Lax}, {@code Secure}
 * over HTTPS), CSRF protection on every form, a Content-Security-Policy, and the operator pages for
 * operators only (customers get 403).
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

  private PortalSecurity() {}

  public static SecurityWebFilterChain chain(
      ServerHttpSecurity http, LogInUseCase logIn, ServerAccessDeniedHandler accessDenied) {
    RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
    loggedOut.setLogoutSuccessUrl(URI.create("/portal/login?logout"));
    // Upload forms are multipart: read their CSRF token from the multipart body too.
    ServerCsrfTokenRequestAttributeHandler csrfTokens =
        new ServerCsrfTokenRequestAttributeHandler();
    csrfTokens.setTokenFromMultipartDataEnabled(true);
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PORTAL_PATHS))
        .csrf(csrf -> csrf.csrfTokenRequestHandler(csrfTokens))
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
                    .authenticationSuccessHandler(
                        new RedirectServerAuthenticationSuccessHandler("/portal")))
        .logout(
            logout ->
                logout
                    .requiresLogout(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/portal/logout"))
                    .logoutSuccessHandler(loggedOut))
        .build();
  }
}
