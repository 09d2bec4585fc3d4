package com.fmugateway.adapter.in.http.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Problem} as {@code application/problem+json}, outside any controller. */
public final class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(problem.status());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    Object retryAfter = problem.extra().get("retry_after");
    if (retryAfter != null) {
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
    }
    byte[] bytes = json.writeValueAsBytes(problem.toBody(exchange.getRequest().getPath().value()));
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }
}
