package com.fmugateway.domain.health.model;

import java.util.Map;
import java.util.Objects;

/** The health of one component the gateway depends on, with details safe to publish. */
public record ComponentHealth(String name, HealthStatus status, Map<String, String> details) {

  public ComponentHealth {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    details = Map.copyOf(details);
  }

  public static ComponentHealth up(String name, Map<String, String> details) {
    return new ComponentHealth(name, HealthStatus.UP, details);
  }

  /** Serving, but at capacity; {@code details} say how full it is. */
  public static ComponentHealth degraded(String name, Map<String, String> details) {
    return new ComponentHealth(name, HealthStatus.DEGRADED, details);
  }

  public static ComponentHealth down(String name, String reason) {
    return new ComponentHealth(name, HealthStatus.DOWN, Map.of("error", reason));
  }
}
