package com.fmugateway.domain.health.port.out;

import com.fmugateway.domain.health.model.ComponentHealth;
import reactor.core.publisher.Mono;

/** Role: reports whether one dependency of the gateway (the database, the workers) works. */
public interface HealthProbe {

  /** Never errors: a failing dependency is reported as a DOWN component. */
  Mono<ComponentHealth> probe();
}
