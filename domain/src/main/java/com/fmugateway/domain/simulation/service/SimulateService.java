package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.RunCharge;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.model.Settlement;
import com.fmugateway.domain.billing.model.X402SettlementFailedException;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.billing.port.in.SecureRunCommand;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.shared.model.RunSlotClaim;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import com.fmugateway.domain.simulation.model.ConcurrencyLimits;
import com.fmugateway.domain.simulation.model.Kpi;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.RunRequest;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.model.StreamedRun;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import com.fmugateway.domain.simulation.port.in.StreamSimulationUseCase;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import com.fmugateway.domain.simulation.port.out.RunHistory;
import com.fmugateway.domain.simulation.port.out.SettledRuns;
import com.fmugateway.domain.simulation.port.out.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a simulation for the caller: resolves the FMU, checks the request against its description,
 * takes one of the account's run slots (none free: refused, nothing held or charged; a quote needs
 * none; a run paid from credits has it taken by the write that holds them), has billing secure
 * payment (or learns what must be paid: then nothing runs), runs it, has the payment settled or
 * released, and records the run however it ended: succeeded, failed, or cancelled by a caller that
 * went away (whose hold is released inside the same reactive chain). Settling (or releasing) and
 * recording the run are one transaction; for a run paid from credits that ends well they are one
 * write ({@link SettledRuns}) that also gives the run's slot back.
 */
public final class SimulateService implements SimulateUseCase, StreamSimulationUseCase {

  private static final System.Logger LOG = System.getLogger(SimulateService.class.getName());

  /** Failure cause recorded for a run whose caller went away before it ended. */
  static final String CANCELLED = "CANCELLED";

  /** Failure cause recorded for a run that ran but whose x402 payment could not be settled. */
  static final String PAYMENT_NOT_SETTLED = "PAYMENT_NOT_SETTLED";

  private final GetFmuQuery fmus;
  private final Simulator simulator;
  private final SimulationSettings settings;
  private final SimulationPlanner planner;
  private final PayForRunUseCase billing;
  private final RunHistory history;
  private final SettledRuns settledRuns;
  private final Clock clock;
  private final RunSlots slots;
  private final Transactions transactions;

  public SimulateService(
      GetFmuQuery fmus,
      Simulator simulator,
      SimulationSettings settings,
      PayForRunUseCase billing,
      RunHistory history,
      SettledRuns settledRuns,
      Clock clock,
      ConcurrentRuns concurrentRuns,
      ConcurrencyLimits limits,
      Transactions transactions) {
    this.fmus = Objects.requireNonNull(fmus, "fmus");
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.planner = new SimulationPlanner(settings);
    this.billing = Objects.requireNonNull(billing, "billing");
    this.history = Objects.requireNonNull(history, "history");
    this.settledRuns = Objects.requireNonNull(settledRuns, "settledRuns");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.slots = new RunSlots(concurrentRuns, limits, clock);
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  @Override
  public Mono<SimulationOutcome> simulate(SimulateCommand command) {
    return fmus.fmu(command.caller(), command.fmuId())
        .flatMap(
            fmu -> {
              Run run = run(command, fmu);
              if (command.payment().fromCredits()) {
                return slots.claimedBy(
                    command.tier(),
                    run.slot(),
                    claim ->
                        secure(command, run, Optional.of(claim))
                            .flatMap(funding -> outcome(run, funding)));
              }
              Mono<SimulationOutcome> paidAndRun =
                  secure(command, run, Optional.empty()).flatMap(funding -> outcome(run, funding));
              return command.payment().quoteOnly()
                  ? paidAndRun
                  : slots.within(run.caller(), command.tier(), run.slot(), paidAndRun);
            });
  }

  @Override
  public Flux<StreamedRun> stream(SimulateCommand command, ResultLayout layout) {
    return fmus.fmu(command.caller(), command.fmuId())
        .flatMapMany(
            fmu -> {
              Run run = run(command, fmu);
              if (command.payment().fromCredits()) {
                return slots.claimedByMany(
                    command.tier(),
                    run.slot(),
                    claim -> streamed(run, secure(command, run, Optional.of(claim)), layout));
              }
              Flux<StreamedRun> paidAndRun =
                  streamed(run, secure(command, run, Optional.empty()), layout);
              return command.payment().quoteOnly()
                  ? paidAndRun
                  : slots.withinMany(run.caller(), command.tier(), run.slot(), paidAndRun);
            });
  }

  private Flux<StreamedRun> streamed(Run run, Mono<RunFunding> secured, ResultLayout layout) {
    return secured.flatMapMany(
        funding ->
            funding instanceof RunFunding.Unpaid unpaid
                ? Flux.just(new StreamedRun.PaymentRequired(unpaid.demand()))
                : executeStreamed(run, (RunFunding.Secured) funding, layout));
  }

  /** The run the command asks for on {@code fmu}, planned and with a slot id of its own. */
  private Run run(SimulateCommand command, ResolvedFmu fmu) {
    return new Run(
        command.caller(),
        fmu,
        planner.plan(command, fmu.description()),
        new RunSlots.Slot(UUID.randomUUID()),
        command.request());
  }

  /**
   * Has billing secure the run's payment, or say what must be paid; with {@code slot}, billing
   * takes the run's slot in the write that holds its credits.
   */
  private Mono<RunFunding> secure(SimulateCommand command, Run run, Optional<RunSlotClaim> slot) {
    String fmuId = run.fmu().artifact().id().value();
    return billing
        .secure(
            new SecureRunCommand(
                command.caller(),
                command.tier(),
                run.id(),
                fmuId,
                () -> RunRequests.of(command, fmuId),
                run.planned().plan().timeout(),
                command.payment(),
                slot))
        .doOnNext(
            funding -> {
              if (slot.isPresent() && funding instanceof RunFunding.ByCredits) {
                run.slot().takenWithPayment();
              }
            });
  }

  /**
   * As {@link #execute}, with samples handed on as they come and KPIs tallied on the way: the
   * charge is taken when the simulator's end arrives, and only then does {@code Finished} follow.
   */
  private Flux<StreamedRun> executeStreamed(
      Run run, RunFunding.Secured funding, ResultLayout layout) {
    long started = System.nanoTime();
    return Flux.usingWhen(
        Mono.just(funding),
        secured ->
            Flux.defer(
                () -> {
                  KpiTally tally = new KpiTally(run.planned().kpis());
                  Flux<StreamedRun> parts =
                      simulator.stream(
                              new SimulationJob(
                                  run.caller(), run.fmu().artifact(), run.planned().plan()),
                              layout)
                          .concatMap(
                              part -> {
                                if (part instanceof ResultPart.Chunk chunk) {
                                  tally.add(chunk);
                                  return Mono.just(new StreamedRun.Samples(chunk));
                                }
                                return succeeded(
                                        run,
                                        secured,
                                        summary((ResultPart.End) part),
                                        started,
                                        Mono.fromSupplier(tally::values))
                                    .map(StreamedRun.Finished::new);
                              });
                  return Flux.concat(
                      Mono.just(
                          new StreamedRun.Started(
                              run.id(),
                              run.fmu().artifact().id(),
                              KpiValues.arrays(run.planned().plan()))),
                      parts);
                }),
        secured -> Mono.empty(),
        (secured, failure) -> failed(run, secured, failureCause(failure), started),
        secured -> cancelled(run, secured, started));
  }

  /** A result without samples: what a streamed run reports once its samples have gone. */
  private static SimulationResult summary(ResultPart.End end) {
    return new SimulationResult(
        new double[0],
        List.of(),
        end.steps(),
        end.events(),
        end.cpuTime(),
        end.fmuLog(),
        end.clockEvents(),
        end.solverStatistics(),
        Set.of());
  }

  private Mono<SimulationOutcome> outcome(Run run, RunFunding funding) {
    if (funding instanceof RunFunding.Unpaid unpaid) {
      return Mono.just(new SimulationOutcome.PaymentRequired(unpaid.demand()));
    }
    return execute(run, (RunFunding.Secured) funding).map(SimulationOutcome.Completed::new);
  }

  /** One run being executed: what it runs, for whom, in which slot (whose id is the run's). */
  private record Run(
      AccountId caller,
      ResolvedFmu fmu,
      SimulationPlanner.Planned planned,
      RunSlots.Slot slot,
      RunRequest request) {

    UUID id() {
      return slot.run();
    }
  }

  /**
   * Runs the plan on secured funding. Success settles and records inside the run's chain; failure
   * releases and records, then fails; a cancelled subscription releases and records the run as
   * cancelled through {@code usingWhen}, so the release is part of the chain, not a detached task.
   */
  private Mono<SimulationReport> execute(Run run, RunFunding.Secured funding) {
    long started = System.nanoTime();
    return Mono.usingWhen(
        Mono.just(funding),
        secured ->
            simulator
                .simulate(
                    new SimulationJob(run.caller(), run.fmu().artifact(), run.planned().plan()))
                .flatMap(result -> succeeded(run, secured, result, started)),
        secured -> Mono.empty(),
        (secured, failure) -> failed(run, secured, failureCause(failure), started),
        secured -> cancelled(run, secured, started));
  }

  private Mono<SimulationReport> succeeded(
      Run run, RunFunding.Secured funding, SimulationResult result, long started) {
    // KPIs pass over the whole result: computed on a CPU scheduler, never on the thread that
    // delivered the result (a simulator's or the database driver's).
    List<Kpi> asked = run.planned().kpis();
    Mono<Map<String, Double>> computed =
        asked.isEmpty()
            ? Mono.just(Map.of())
            : Mono.fromCallable(() -> KpiValues.of(asked, result))
                .subscribeOn(Schedulers.parallel());
    return succeeded(run, funding, result, started, computed);
  }

  /** Settles and records a run that succeeded, then reports it with its KPIs. */
  private Mono<SimulationReport> succeeded(
      Run run,
      RunFunding.Secured funding,
      SimulationResult result,
      long started,
      Mono<Map<String, Double>> computed) {
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    Mono<RunCharge> settledAndRecorded =
        funding instanceof RunFunding.ByCredits byCredits
            ? settledInOneWrite(run, byCredits, result.cpuTime(), wall)
            : settledTheLongWay(run, funding, result.cpuTime(), wall);
    return computed.flatMap(
        kpis -> settledAndRecorded.map(charge -> report(run, result, kpis, wall, funding, charge)));
  }

  /**
   * A run paid from credits: settled, recorded and its slot given back in one write. A hold that
   * had ended before writes nothing there and takes the long way, which charges what was captured
   * then.
   */
  private Mono<RunCharge> settledInOneWrite(
      Run run, RunFunding.ByCredits funding, Duration cpu, Duration wall) {
    return Mono.defer(
        () -> {
          Settlement settlement = billing.settlement(funding, cpu);
          return settledRuns
              .settleAndRecord(
                  settlement, record(run, funding, settlement.captured(), cpu, wall, null))
              .flatMap(
                  applied -> {
                    run.slot().givenBackWithRun();
                    return applied
                        ? Mono.just(RunCharge.credits(settlement.captured()))
                        : settledTheLongWay(run, funding, cpu, wall);
                  });
        });
  }

  /**
   * Billing settles, then the run is recorded with the charge, in one transaction: no charge
   * without its run. Not for an x402 settlement: it waits for the facilitator, which must not hold
   * a connection.
   */
  private Mono<RunCharge> settledTheLongWay(
      Run run, RunFunding.Secured funding, Duration cpu, Duration wall) {
    Mono<RunCharge> settle =
        billing
            .settle(run.caller(), run.id(), funding, cpu)
            .flatMap(
                charge ->
                    history
                        .record(record(run, funding, charge.credits(), cpu, wall, null))
                        .thenReturn(charge));
    return funding instanceof RunFunding.ByX402 ? settle : transactions.atomically(settle);
  }

  private Mono<Void> failed(Run run, RunFunding.Secured funding, String cause, long started) {
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    return transactions.atomically(
        billing
            .release(funding)
            .then(
                Mono.defer(
                    () -> history.record(record(run, funding, 0, Duration.ZERO, wall, cause)))));
  }

  /** The caller went away: nothing may stay reserved. Errors are logged: nobody waits for them. */
  private Mono<Void> cancelled(Run run, RunFunding.Secured funding, long started) {
    return failed(run, funding, CANCELLED, started)
        .onErrorResume(
            e -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Could not release the funding of cancelled run " + run.id(),
                  e);
              return Mono.empty();
            });
  }

  private static String failureCause(Throwable failure) {
    if (failure instanceof X402SettlementFailedException) {
      return PAYMENT_NOT_SETTLED;
    }
    return failure instanceof SimulationFailedException f ? f.failureCause().name() : "INTERNAL";
  }

  private RunRecord record(
      Run run,
      RunFunding.Secured funding,
      long cost,
      Duration cpu,
      Duration wall,
      String failureCause) {
    return new RunRecord(
        run.id(),
        run.caller(),
        run.fmu().artifact().id().value(),
        Optional.of(run.fmu().description().modelName()),
        run.fmu().artifact().sha256().hex(),
        run.planned().plan().fmuInterface().code(),
        failureCause == null ? RunRecord.RunStatus.SUCCEEDED : RunRecord.RunStatus.FAILED,
        Optional.ofNullable(failureCause),
        funding.quotedCredits(),
        cost,
        cpu,
        wall,
        clock.now(),
        Optional.of(run.request()));
  }

  private SimulationReport report(
      Run run,
      SimulationResult result,
      Map<String, Double> kpis,
      Duration wall,
      RunFunding.Secured funding,
      RunCharge charge) {
    return KpiValues.report(
        run.id(),
        run.fmu(),
        run.planned().plan(),
        result,
        kpis,
        wall,
        settings.gatewayVersion(),
        funding.quotedCredits(),
        charge.credits(),
        funding.payment(),
        charge.x402());
  }
}
