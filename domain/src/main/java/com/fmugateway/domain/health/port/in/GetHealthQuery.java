package com.fmugateway.domain.health.port.in;

import com.fmugateway.domain.health.model.Health;
import reactor.core.publisher.Mono;

/** Query: can the gateway serve requests right now? */
public interface GetHealthQuery {

  Mono<Health> health();
}
