package com.fmugateway.bootstrap.timing;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First and last on every {@code POST /simulate}: starts the request's phase clock, hands it down
 * the Reactor context to the timed ports, and records the phases once the response is written.
 */
final class PhaseTimingFilter implements WebFilter, Ordered {

  private final PhaseTimers timers;

  PhaseTimingFilter(PhaseTimers timers) {
    this.timers = timers;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!timers.enabled()
        || exchange.getRequest().getMethod() != HttpMethod.POST
        || !"/simulate".equals(exchange.getRequest().getPath().value())) {
      return chain.filter(exchange);
    }
    RequestPhases phases = new RequestPhases();
    return chain
        .filter(exchange)
        .doFinally(signal -> timers.record(phases))
        .contextWrite(context -> context.put(RequestPhases.KEY, phases));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
