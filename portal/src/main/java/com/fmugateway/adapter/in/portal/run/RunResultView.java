package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished run on the run page: its cost, interface, sample count and KPIs, and the series (time
 * and each numeric output) the chart and the in-browser CSV are drawn from.
 */
public record RunResultView(
    long costCredits,
    String fmuInterface,
    int samples,
    Map<String, Double> kpis,
    Map<String, Object> series) {

  static RunResultView of(SimulationReport report) {
    return new RunResultView(
        report.costCredits(),
        report.provenance().fmuInterface().code(),
        report.result().time().length,
        report.kpis(),
        series(report));
  }

  private static Map<String, Object> series(SimulationReport report) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("time", report.result().time());
    for (Column column : report.result().columns()) {
      if (column instanceof Column.Real real) {
        series.put(real.name(), real.values());
      } else if (column instanceof Column.Integer integer) {
        series.put(integer.name(), integer.values());
      }
    }
    return series;
  }
}
