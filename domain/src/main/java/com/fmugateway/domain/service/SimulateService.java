package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.fmu.FmuInterface;
import com.fmugateway.domain.model.fmu.ResolvedFmu;
import com.fmugateway.domain.model.run.RunRecord;
import com.fmugateway.domain.model.simulation.Column;
import com.fmugateway.domain.model.simulation.Kpi;
import com.fmugateway.domain.model.simulation.Provenance;
import com.fmugateway.domain.model.simulation.SimulationFailedException;
import com.fmugateway.domain.model.simulation.SimulationJob;
import com.fmugateway.domain.model.simulation.SimulationReport;
import com.fmugateway.domain.model.simulation.SimulationResult;
import com.fmugateway.domain.model.simulation.SimulationSettings;
import com.fmugateway.domain.port.in.GetFmuQuery;
import com.fmugateway.domain.port.in.SimulateCommand;
import com.fmugateway.domain.port.in.SimulateUseCase;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.Simulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Resolves the caller's FMU, checks the request against its description, secures payment (holds the
 * quote, or reserves a payment token), runs it, then settles (captures the cost or consumes the
 * token; gives either back when the run fails) and reports.
 */
public final class SimulateService implements SimulateUseCase {

  private final GetFmuQuery fmus;
  private final Simulator simulator;
  private final SimulationSettings settings;
  private final SimulationPlanner planner;
  private final RunPayments payments;
  private final Clock clock;

  public SimulateService(
      GetFmuQuery fmus,
      Simulator simulator,
      SimulationSettings settings,
      RunPayments payments,
      Clock clock) {
    this.fmus = Objects.requireNonNull(fmus, "fmus");
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.planner = new SimulationPlanner(settings);
    this.payments = Objects.requireNonNull(payments, "payments");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Mono<SimulationReport> simulate(SimulateCommand command) {
    return fmus.fmu(command.caller(), command.fmuId())
        .flatMap(
            fmu -> {
              SimulationPlanner.Planned planned = planner.plan(command, fmu.description());
              UUID runId = UUID.randomUUID();
              long quote = payments.quote(planned.plan().timeout());
              return payments
                  .charge(command, fmu, runId, quote)
                  .flatMap(charge -> run(command.caller(), fmu, planned, runId, charge));
            });
  }

  private Mono<SimulationReport> run(
      AccountId caller,
      ResolvedFmu fmu,
      SimulationPlanner.Planned planned,
      UUID runId,
      RunCharge charge) {
    long started = System.nanoTime();
    return simulator
        .simulate(new SimulationJob(caller, fmu.artifact(), planned.plan()))
        .flatMap(
            result -> {
              Duration wall = Duration.ofNanos(System.nanoTime() - started);
              long cost = charge.credits(payments.cost(result.cpuTime()));
              RunRecord run =
                  record(caller, fmu, planned, runId, charge, cost, result.cpuTime(), wall, null);
              return charge
                  .settle(cost, run)
                  .thenReturn(report(runId, fmu, planned, result, wall, charge, cost));
            })
        .onErrorResume(
            failure -> {
              Duration wall = Duration.ofNanos(System.nanoTime() - started);
              String cause =
                  failure instanceof SimulationFailedException f
                      ? f.failureCause().name()
                      : "INTERNAL";
              RunRecord run =
                  record(caller, fmu, planned, runId, charge, 0, Duration.ZERO, wall, cause);
              return charge.release(run).then(Mono.error(failure));
            })
        .doOnCancel(charge::releaseDetached);
  }

  private RunRecord record(
      AccountId caller,
      ResolvedFmu fmu,
      SimulationPlanner.Planned planned,
      UUID runId,
      RunCharge charge,
      long cost,
      Duration cpu,
      Duration wall,
      String failureCause) {
    return new RunRecord(
        runId,
        caller,
        fmu.artifact().id().value(),
        fmu.artifact().sha256().hex(),
        planned.plan().fmuInterface().code(),
        failureCause == null ? RunRecord.RunStatus.SUCCEEDED : RunRecord.RunStatus.FAILED,
        Optional.ofNullable(failureCause),
        charge.quotedCredits(),
        cost,
        cpu,
        wall,
        clock.now());
  }

  private SimulationReport report(
      UUID runId,
      ResolvedFmu fmu,
      SimulationPlanner.Planned planned,
      SimulationResult result,
      Duration wall,
      RunCharge charge,
      long cost) {
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
        runId,
        fmu.artifact().id(),
        result,
        kpis(planned.kpis(), result),
        provenance,
        charge.quotedCredits(),
        cost,
        charge.payment());
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
