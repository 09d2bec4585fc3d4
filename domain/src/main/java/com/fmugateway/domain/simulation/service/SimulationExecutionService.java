package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.port.in.CheckSimulationQuery;
import com.fmugateway.domain.simulation.port.in.ExecuteSimulationUseCase;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import com.fmugateway.domain.simulation.port.out.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks and runs simulations paid for elsewhere (an experiment holds every case's quote up front):
 * the same planning, simulator and KPIs as {@link SimulateService}, without billing or run slots.
 */
public final class SimulationExecutionService
    implements CheckSimulationQuery, ExecuteSimulationUseCase {

  private final GetFmuQuery fmus;
  private final Simulator simulator;
  private final SimulationSettings settings;
  private final SimulationPlanner planner;

  public SimulationExecutionService(
      GetFmuQuery fmus, Simulator simulator, SimulationSettings settings) {
    this.fmus = Objects.requireNonNull(fmus, "fmus");
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.planner = new SimulationPlanner(settings);
  }

  @Override
  public Mono<Duration> check(SimulateCommand base, List<Map<String, Object>> variants) {
    return fmus.fmu(base.caller(), base.fmuId())
        .map(
            fmu -> {
              Duration limit = planner.plan(base, fmu.description()).plan().timeout();
              for (int i = 0; i < variants.size(); i++) {
                try {
                  planner.plan(base.withStartValues(variants.get(i)), fmu.description());
                } catch (InvalidInputException invalid) {
                  throw new InvalidInputException(
                      "variants[" + i + "]." + invalid.field(), invalid.getMessage());
                }
              }
              return limit;
            });
  }

  @Override
  public Mono<SimulationReport> execute(SimulateCommand command, UUID runId) {
    return fmus.fmu(command.caller(), command.fmuId())
        .flatMap(
            fmu -> {
              SimulationPlanner.Planned planned = planner.plan(command, fmu.description());
              long started = System.nanoTime();
              return simulator
                  .simulate(new SimulationJob(command.caller(), fmu.artifact(), planned.plan()))
                  .flatMap(
                      result ->
                          Mono.fromCallable(
                                  () ->
                                      KpiValues.report(
                                          runId,
                                          fmu,
                                          planned.plan(),
                                          result,
                                          KpiValues.of(planned.kpis(), result),
                                          Duration.ofNanos(System.nanoTime() - started),
                                          settings.gatewayVersion(),
                                          0,
                                          0,
                                          Optional.empty(),
                                          Optional.empty()))
                              .subscribeOn(Schedulers.parallel()));
            });
  }
}
