package com.fmugateway.adapter.in.http.health;

import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.model.Health;
import com.fmugateway.domain.health.port.in.GetHealthQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health} for liveness: 200 while the gateway serves (up, or degraded when every
 * simulation slot is busy and runs queue), 503 when a component is down. {@code GET /health/ready}
 * for readiness: 200 only when nothing is down or at capacity, so a load balancer can send new runs
 * elsewhere while this gateway's runs queue.
 */
@RestController
@Tag(name = "Health")
class HealthController {

  private final GetHealthQuery health;

  HealthController(GetHealthQuery health) {
    this.health = health;
  }

  @GetMapping("/health")
  @SecurityRequirements
  @Operation(
      operationId = "health",
      summary = "Overall status and the status of each component, such as the database",
      description =
          "UP, DEGRADED (every simulation slot busy: runs queue) or DOWN; 503 only when DOWN.")
  @ApiResponse(responseCode = "200", description = "UP or DEGRADED")
  @ApiResponse(responseCode = "503", description = "A component is down (same body)")
  Mono<ResponseEntity<Map<String, Object>>> health() {
    return health.health().map(h -> toResponse(h, h.live()));
  }

  @GetMapping("/health/ready")
  @SecurityRequirements
  @Operation(
      operationId = "ready",
      summary = "Ready for more runs: 503 when a component is down or at capacity",
      description = "The same body as /health; 200 only when the status is UP.")
  @ApiResponse(responseCode = "200", description = "Everything is up")
  @ApiResponse(responseCode = "503", description = "A component is down or at capacity (same body)")
  Mono<ResponseEntity<Map<String, Object>>> ready() {
    return health.health().map(h -> toResponse(h, h.ready()));
  }

  private static ResponseEntity<Map<String, Object>> toResponse(Health health, boolean ok) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.status().name());
    for (ComponentHealth component : health.components()) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("status", component.status().name());
      part.putAll(component.details());
      body.put(component.name(), part);
    }
    return ResponseEntity.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }
}
