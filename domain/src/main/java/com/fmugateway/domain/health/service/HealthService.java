package com.fmugateway.domain.health.service;

import com.fmugateway.domain.health.model.Health;
import com.fmugateway.domain.health.port.in.GetHealthQuery;
import com.fmugateway.domain.health.port.out.HealthProbe;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks every probe in parallel: the gateway is down if any component is down, degraded if any is at
 * capacity.
 */
public final class HealthService implements GetHealthQuery {

  private final List<HealthProbe> probes;

  public HealthService(List<HealthProbe> probes) {
    this.probes = List.copyOf(probes);
  }

  @Override
  public Mono<Health> health() {
    return Flux.fromIterable(probes)
        .flatMapSequential(HealthProbe::probe)
        .collectList()
        .map(Health::of);
  }
}
