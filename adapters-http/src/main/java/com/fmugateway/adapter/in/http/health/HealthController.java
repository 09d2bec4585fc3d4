package com.fmugateway.adapter.in.http.health;

import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.model.Health;
import com.fmugateway.domain.health.model.HealthStatus;
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

/** {@code GET /health}: 200 when every component is up, 503 otherwise, for load balancers. */
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
      summary = "Overall status and the status of each component, such as the database")
  @ApiResponse(responseCode = "200", description = "Everything is up")
  @ApiResponse(responseCode = "503", description = "A component is down (same body)")
  Mono<ResponseEntity<Map<String, Object>>> health() {
    return health.health().map(HealthController::toResponse);
  }

  private static ResponseEntity<Map<String, Object>> toResponse(Health health) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.status().name());
    for (ComponentHealth component : health.components()) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("status", component.status().name());
      part.putAll(component.details());
      body.put(component.name(), part);
    }
    HttpStatus status =
        health.status() == HealthStatus.UP ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
    return ResponseEntity.status(status).body(body);
  }
}
