package com.fmugateway.domain.service;

import com.fmugateway.domain.model.fmu.FmuInterface;
import com.fmugateway.domain.model.fmu.ResolvedFmu;
import com.fmugateway.domain.model.simulation.Column;
import com.fmugateway.domain.model.simulation.Kpi;
import com.fmugateway.domain.model.simulation.Provenance;
import com.fmugateway.domain.model.simulation.SimulationJob;
import com.fmugateway.domain.model.simulation.SimulationReport;
import com.fmugateway.domain.model.simulation.SimulationResult;
import com.fmugateway.domain.model.simulation.SimulationSettings;
import com.fmugateway.domain.port.in.GetFmuQuery;
import com.fmugateway.domain.port.in.SimulateCommand;
import com.fmugateway.domain.port.in.SimulateUseCase;
import com.fmugateway.domain.port.out.Simulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Resolves the caller's FMU, plans the run against its description, runs it and reports. */
public final class SimulateService implements SimulateUseCase {

  private final GetFmuQuery fmus;
  private final Simulator simulator;
  private final SimulationSettings settings;
  private final SimulationPlanner planner;

  public SimulateService(GetFmuQuery fmus, Simulator simulator, SimulationSettings settings) {
    this.fmus = Objects.requireNonNull(fmus, "fmus");
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.planner = new SimulationPlanner(settings);
  }

  @Override
  public Mono<SimulationReport> simulate(SimulateCommand command) {
    return fmus.fmu(command.caller(), command.fmuId())
        .flatMap(
            fmu -> {
              SimulationPlanner.Planned planned = planner.plan(command, fmu.description());
              long started = System.nanoTime();
              return simulator
                  .simulate(new SimulationJob(command.caller(), fmu.artifact(), planned.plan()))
                  .map(
                      result ->
                          report(
                              fmu, planned, result, Duration.ofNanos(System.nanoTime() - started)));
            });
  }

  private SimulationReport report(
      ResolvedFmu fmu, SimulationPlanner.Planned planned, SimulationResult result, Duration wall) {
    FmuInterface used = planned.plan().fmuInterface();
    Provenance provenance =
        new Provenance(
            fmu.artifact().sha256(),
            fmu.description().fmiVersion(),
            used,
            used == FmuInterface.MODEL_EXCHANGE
                ? Optional.of(planned.plan().solver())
                : Optional.empty(),
            settings.gatewayVersion(),
            wall,
            result.cpuTime(),
            result.steps(),
            result.events());
    return new SimulationReport(
        fmu.artifact().id(), result, kpis(planned.kpis(), result), provenance);
  }

  private static Map<String, Double> kpis(List<Kpi> kpis, SimulationResult result) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Kpi kpi : kpis) {
      Column column =
          result
              .column(kpi.variable())
              .orElseThrow(() -> new IllegalStateException("no column for " + kpi.variable()));
      values.put(kpi.name(), kpi.of(result.time(), numeric(column)));
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
}
