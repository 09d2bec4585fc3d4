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
 * The portal's security: form log-in with a session cookie, CSRF protection on every form, and the
 * operator pages for operators only (customers get 403).
 */
public final class PortalSecurity {

  /** Paths the portal owns; everything else belongs to the API's chain. */
  public static final String[] PORTAL_PATHS = {
    "/", "/portal", "/portal/**", "/assets/**", "/favicon.ico"
  };

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
                    .pathMatchers("/portal/login", "/portal/signup")
                    .permitAll()
                    .pathMatchers("/portal/ops/**")
                    .hasRole("OPERATOR")
                    .anyExchange()
                    .authenticated())
        .exceptionHandling(denied -> denied.accessDeniedHandler(accessDenied))
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
