package com.fmugateway.adapter.in.http.run;

import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.RunRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One run as metered: model, outcome, cost and time taken, and the request it was asked with (the
 * body of {@code POST /simulate} to send to run it again; absent for runs from before it was kept).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunResponse(
    String id,
    String fmuId,
    String modelName,
    String fmuSha256,
    String fmuInterface,
    @Schema(allowableValues = {"succeeded", "failed"}) String status,
    @Schema(types = {"string", "null"}) String failureCause,
    long quotedCredits,
    long costCredits,
    long cpuTimeMs,
    long wallTimeMs,
    Instant createdAt,
    Map<String, Object> request) {

  static RunResponse from(RunRecord run) {
    return new RunResponse(
        run.id().toString(),
        run.fmuId(),
        run.modelName().orElse(null),
        run.fmuSha256(),
        run.fmuInterface(),
        run.status().name().toLowerCase(Locale.ROOT),
        run.failureCause().map(c -> c.toLowerCase(Locale.ROOT)).orElse(null),
        run.quotedCredits(),
        run.costCredits(),
        run.cpuTime().toMillis(),
        run.wallTime().toMillis(),
        run.createdAt(),
        run.request().map(r -> body(run.fmuId(), r)).orElse(null));
  }

  private static Map<String, Object> body(String fmuId, RunRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fmu_id", fmuId);
    number(body, "start_time", request.startTime());
    number(body, "stop_time", request.stopTime());
    number(body, "step", request.step());
    if (!request.startValues().isEmpty()) {
      body.put("start_values", request.startValues());
    }
    if (!request.inputSignals().isEmpty()) {
      body.put(
          "input_signals",
          request.inputSignals().stream()
              .map(
                  s -> {
                    Map<String, Object> signal = new LinkedHashMap<>();
                    signal.put("name", s.name());
                    signal.put("time", s.time());
                    signal.put("values", s.values());
                    if (s.interpolation() != null) {
                      signal.put("interpolation", s.interpolation());
                    }
                    return signal;
                  })
              .toList());
    }
    if (!request.outputs().isEmpty()) {
      body.put("outputs", request.outputs());
    }
    if (!request.kpis().isEmpty()) {
      body.put("kpis", request.kpis());
    }
    request.fmuInterface().ifPresent(i -> body.put("interface", i));
    request.solver().ifPresent(s -> body.put("solver", s));
    number(body, "rtol", request.rtol());
    number(body, "atol", request.atol());
    if (!request.clockTicks().isEmpty()) {
      body.put("clock_ticks", request.clockTicks());
    }
    return body;
  }

  private static void number(Map<String, Object> body, String field, OptionalDouble value) {
    if (value.isPresent()) {
      body.put(field, value.getAsDouble());
    }
  }
}
