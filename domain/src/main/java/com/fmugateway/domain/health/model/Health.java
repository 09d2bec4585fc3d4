package com.fmugateway.domain.health.model;

import java.util.List;

/**
 * The gateway's overall health: down when any component is down, else degraded when any is at
 * capacity, else up.
 */
public record Health(HealthStatus status, List<ComponentHealth> components) {

  public Health {
    components = List.copyOf(components);
  }

  public static Health of(List<ComponentHealth> components) {
    return new Health(worst(components), components);
  }

  /** Alive: it answers requests, though runs may queue. */
  public boolean live() {
    return status != HealthStatus.DOWN;
  }

  /** Ready for more work: every component is up, none at capacity. */
  public boolean ready() {
    return status == HealthStatus.UP;
  }

  private static HealthStatus worst(List<ComponentHealth> components) {
    HealthStatus worst = HealthStatus.UP;
    for (ComponentHealth component : components) {
      if (component.status().compareTo(worst) > 0) {
        worst = component.status();
      }
    }
    return worst;
  }
}
