package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.health.Health;
import reactor.core.publisher.Mono;

/** Query: can the gateway serve requests right now? */
public interface GetHealthQuery {

  Mono<Health> health();
}
