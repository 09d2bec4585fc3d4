package com.fmugateway.adapter.in.http.run;

import com.fmugateway.domain.simulation.model.RunRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One run as metered: model, outcome, cost and time taken. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunResponse(
    String id,
    String fmuId,
    String fmuSha256,
    String fmuInterface,
    @Schema(allowableValues = {"succeeded", "failed"}) String status,
    @Schema(types = {"string", "null"}) String failureCause,
    long quotedCredits,
    long costCredits,
    long cpuTimeMs,
    long wallTimeMs,
    Instant createdAt) {

  static RunResponse from(RunRecord run) {
    return new RunResponse(
        run.id().toString(),
        run.fmuId(),
        run.fmuSha256(),
        run.fmuInterface(),
        run.status().name().toLowerCase(Locale.ROOT),
        run.failureCause().map(c -> c.toLowerCase(Locale.ROOT)).orElse(null),
        run.quotedCredits(),
        run.costCredits(),
        run.cpuTime().toMillis(),
        run.wallTime().toMillis(),
        run.createdAt());
  }
}
