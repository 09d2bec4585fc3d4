package com.fmugateway.domain.model.health;

/** Whether a part of the gateway can serve requests. */
public enum HealthStatus {
  UP,
  DOWN
}
