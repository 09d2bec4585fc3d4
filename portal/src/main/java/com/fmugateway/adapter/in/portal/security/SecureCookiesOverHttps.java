package com.fmugateway.adapter.in.portal.security;

import java.util.List;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every cookie the portal sets on a request that came over HTTPS is {@code Secure}, also behind a
 * proxy that ended TLS (the forwarded scheme is https, but there is no TLS session to see). Spring
 * Security's CSRF and return-to cookies look only at the TLS session.
 */
final class SecureCookiesOverHttps implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
      ServerHttpResponse response = exchange.getResponse();
      response.beforeCommit(
          () -> {
            response.getCookies().replaceAll((name, cookies) -> secure(cookies));
            return Mono.empty();
          });
    }
    return chain.filter(exchange);
  }

  private static List<ResponseCookie> secure(List<ResponseCookie> cookies) {
    return cookies.stream().map(c -> c.isSecure() ? c : c.mutate().secure(true).build()).toList();
  }
}
