package com.fmugateway.domain.health.model;

/** Whether a part of the gateway can serve requests. */
public enum HealthStatus {
  UP,
  /**
   * Serving, but at capacity: new work waits (every simulation slot is busy). Alive, yet not ready
   * for more.
   */
  DEGRADED,
  DOWN
}
