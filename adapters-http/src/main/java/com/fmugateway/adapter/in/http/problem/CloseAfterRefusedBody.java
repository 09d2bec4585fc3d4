package com.fmugateway.adapter.in.http.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a refused request that carried a body with {@code Connection: close}. A body refused
 * before it was read to its end (a broken multipart upload, a limit reached mid-body) leaves the
 * connection at an unknown point of the byte stream, and the multipart decoder has been seen to
 * leave such a connection wedged: the next request sent on it was never answered. Closing it costs
 * the client one new connection after an error, never a hang.
 */
public final class CloseAfterRefusedBody implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!hasBody(exchange)) {
      return chain.filter(exchange);
    }
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          if (response.getStatusCode() != null && response.getStatusCode().isError()) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
          }
          return Mono.empty();
        });
    return chain.filter(exchange);
  }

  private static boolean hasBody(ServerWebExchange exchange) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    HttpMethod method = exchange.getRequest().getMethod();
    return !HttpMethod.GET.equals(method)
        && (headers.getContentLength() > 0
            || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING));
  }
}
