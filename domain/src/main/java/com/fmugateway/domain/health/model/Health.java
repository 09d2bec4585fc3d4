package com.fmugateway.domain.health.model;

import java.util.List;

/** The gateway's overall health: up only when every component is up. */
public record Health(HealthStatus status, List<ComponentHealth> components) {

  public Health {
    components = List.copyOf(components);
  }

  public static Health of(List<ComponentHealth> components) {
    boolean allUp = components.stream().allMatch(c -> c.status() == HealthStatus.UP);
    return new Health(allUp ? HealthStatus.UP : HealthStatus.DOWN, components);
  }
}
