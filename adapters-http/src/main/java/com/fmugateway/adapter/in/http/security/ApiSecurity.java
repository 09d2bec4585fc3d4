package com.fmugateway.adapter.in.http.security;

import com.fmugateway.adapter.in.http.problem.Problem;
import com.fmugateway.adapter.in.http.problem.ProblemWriter;
import com.fmugateway.domain.account.port.in.AuthenticateApiKeyQuery;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The API's security: stateless bearer API keys checked on every request, no cookies, no CSRF (no
 * ambient credentials to forge), and problem+json for 401 and 403. Payment webhooks and the
 * sandbox's checkout pages are public: a provider has no API key.
 */
public final class ApiSecurity {

  /** Routes anyone may call: health and the API documentation (for people and for agents). */
  static final String[] PUBLIC_GET = {
    "/health",
    "/health/ready",
    "/llms.txt",
    "/llms-full.txt",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/docs",
    "/docs/",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/**"
  };

  private ApiSecurity() {}

  public static SecurityWebFilterChain chain(
      ServerHttpSecurity http, AuthenticateApiKeyQuery query, ProblemWriter problems) {
    return chain(http, query, problems, Optional.empty());
  }

  /** With {@code metricsToken}, a scraper may read {@code /metrics} without an API key. */
  public static SecurityWebFilterChain chain(
      ServerHttpSecurity http,
      AuthenticateApiKeyQuery query,
      ProblemWriter problems,
      Optional<String> metricsToken) {
    ApiKeyAuthenticationManager apiKeys = new ApiKeyAuthenticationManager(query);
    // The scrape token arrives authenticated already; API keys are checked against the domain.
    ReactiveAuthenticationManager keysOrScraper =
        presented ->
            presented.isAuthenticated() ? Mono.just(presented) : apiKeys.authenticate(presented);
    AuthenticationWebFilter bearer = new AuthenticationWebFilter(keysOrScraper);
    bearer.setServerAuthenticationConverter(
        new MetricsScrapeToken(metricsToken, new BearerKeyConverter()));
    bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    bearer.setAuthenticationFailureHandler(
        (filterExchange, e) ->
            unauthorized(
                filterExchange.getExchange(), problems, "The API key is unknown or revoked."));
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
        .authorizeExchange(
            routes ->
                routes
                    .pathMatchers(HttpMethod.POST, "/keys", "/signup", "/login")
                    .permitAll()
                    // Providers call webhooks without a key; their signature is checked instead.
                    .pathMatchers(HttpMethod.POST, "/webhooks/**")
                    .permitAll()
                    // The sandbox provider's checkout pages, for customers who have no key there.
                    .pathMatchers("/sandbox/**")
                    .permitAll()
                    .pathMatchers("/admin/**", "/analytics/**")
                    .hasRole("OPERATOR")
                    .pathMatchers(HttpMethod.GET, MetricsScrapeToken.PATH)
                    .hasAnyRole("OPERATOR", MetricsScrapeToken.ROLE)
                    .pathMatchers(HttpMethod.GET, PUBLIC_GET)
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        (exchange, e) ->
                            unauthorized(
                                exchange,
                                problems,
                                "Send your API key as 'Authorization: Bearer <key>'; get one with"
                                    + " POST /keys."))
                    .accessDeniedHandler(
                        (exchange, e) ->
                            problems.write(
                                exchange,
                                Problem.of(HttpStatus.FORBIDDEN, "This key may not do that."))))
        .build();
  }

  private static Mono<Void> unauthorized(
      ServerWebExchange exchange, ProblemWriter problems, String detail) {
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fmu-gateway\"");
    return problems.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, detail));
  }
}
