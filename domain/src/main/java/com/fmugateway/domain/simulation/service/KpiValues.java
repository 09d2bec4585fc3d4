package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.checkout.model.RunPayment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Kpi;
import com.fmugateway.domain.simulation.model.Provenance;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a finished run reports: its KPIs computed from the result, and its provenance. */
final class KpiValues {

  private KpiValues() {}

  /** Each variable's samples are made numeric once, however many of its KPIs are asked for. */
  static Map<String, Double> of(List<Kpi> kpis, SimulationResult result) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, double[]> series = new HashMap<>();
    for (Kpi kpi : kpis) {
      double[] samples =
          series.computeIfAbsent(
              kpi.variable(),
              name ->
                  numeric(
                      result
                          .column(name)
                          .orElseThrow(() -> new IllegalStateException("no column for " + name))));
      values.put(kpi.name(), kpi.of(result.time(), samples));
    }
    return values;
  }

  private static double[] numeric(Column column) {
    double[] values = new double[column.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = column.valueAt(i);
      values[i] = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
    }
    return values;
  }

  static SimulationReport report(
      UUID runId,
      ResolvedFmu fmu,
      SimulationPlan plan,
      SimulationResult result,
      Map<String, Double> kpis,
      Duration wall,
      String gatewayVersion,
      long quoted,
      long cost,
      Optional<RunPayment> payment,
      Optional<X402Receipt> x402) {
    FmuInterface used = plan.fmuInterface();
    Provenance provenance =
        new Provenance(
            fmu.artifact().sha256(),
            fmu.description().fmiVersion(),
            used,
            used == FmuInterface.MODEL_EXCHANGE ? Optional.of(plan.solver()) : Optional.empty(),
            gatewayVersion,
            wall,
            result.cpuTime(),
            result.steps(),
            result.events(),
            result.solverStatistics());
    return new SimulationReport(
        runId,
        fmu.artifact().id(),
        result.withArrays(arrays(plan)),
        kpis,
        provenance,
        quoted,
        cost,
        payment,
        x402);
  }

  /** The array variables among the plan's outputs: their elements are columns {@code a[k]}. */
  static Set<String> arrays(SimulationPlan plan) {
    Set<String> arrays = new LinkedHashSet<>();
    plan.outputs().stream().filter(ModelVariable::isArray).forEach(v -> arrays.add(v.name()));
    return arrays;
  }
}
