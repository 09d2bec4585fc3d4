package com.fmugateway.adapter.in.http.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Reads {@code Authorization: Bearer <key>}; a request without one stays anonymous. */
final class BearerKeyConverter implements ServerAuthenticationConverter {

  private static final String SCHEME = "bearer ";

  @Override
  public Mono<Authentication> convert(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Mono.empty();
    }
    String key = header.substring(SCHEME.length()).strip();
    return Mono.just(ApiKeyAuthentication.presented(key));
  }
}
