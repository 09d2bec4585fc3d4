package com.fmugateway.domain.model.simulation;

import com.fmugateway.domain.model.fmu.FmuId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A finished run as the caller receives it: results, requested KPIs and provenance. */
public record SimulationReport(
    FmuId fmuId, SimulationResult result, Map<String, Double> kpis, Provenance provenance) {

  public SimulationReport {
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(result, "result");
    kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
    Objects.requireNonNull(provenance, "provenance");
  }
}
