package com.fmugateway.bootstrap;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@code worker} node serves only its health ({@code /health}, {@code /health/ready}) for load
 * balancers and orchestration, and {@code /metrics} for scrapers (still behind security: an
 * operator's key or the scrape token); the API and the portal answer 404 there, before any
 * security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "fmugw.role", havingValue = "worker")
class WorkerOnlyRoutes implements WebFilter {

  private static final byte[] NOT_HERE =
      ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
              + "\"detail\":\"this node is a worker: it serves only /health and /metrics\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics")) {
      return chain.filter(exchange);
    }
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.NOT_FOUND);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(NOT_HERE)));
  }
}
