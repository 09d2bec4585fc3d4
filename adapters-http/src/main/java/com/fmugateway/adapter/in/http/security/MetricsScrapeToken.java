package com.fmugateway.adapter.in.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A metrics scraper's credential: on {@code GET /metrics} only, {@code Authorization: Bearer
 * <FMUGW_METRICS_TOKEN>} authenticates as the scraper (role {@code METRICS}), so Prometheus needs
 * no API key and a leaked scrape token opens nothing else. Any other bearer goes on to the API-key
 * check.
 */
final class MetricsScrapeToken implements ServerAuthenticationConverter {

  static final String PATH = "/metrics";
  static final String ROLE = "METRICS";

  private final Optional<byte[]> token;
  private final ServerAuthenticationConverter apiKeys;

  MetricsScrapeToken(Optional<String> token, ServerAuthenticationConverter apiKeys) {
    this.token =
        token.filter(t -> !t.isBlank()).map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
    this.apiKeys = apiKeys;
  }

  @Override
  public Mono<Authentication> convert(ServerWebExchange exchange) {
    if (token.isPresent()
        && PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
      String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
      if (header != null
          && header.regionMatches(true, 0, "bearer ", 0, 7)
          && MessageDigest.isEqual(
              token.get(), header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
        return Mono.just(
            UsernamePasswordAuthenticationToken.authenticated(
                "metrics-scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
      }
    }
    return apiKeys.convert(exchange);
  }
}
