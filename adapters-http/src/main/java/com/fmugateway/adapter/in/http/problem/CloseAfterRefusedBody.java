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
 * connection at an unknown point of the byte stream, and on such bodies Spring's multipart decoder
 * drops an error and releases a buffer twice ({@code IllegalReferenceCountException} in the log).
 * Closing costs the client one new connection after an error; nothing of that connection is reused.
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
