package com.fmugateway.domain.health.model;

/** Whether a part of the gateway can serve requests. */
public enum HealthStatus {
  UP,
  DOWN
}
