package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.port.in.FindAccountQuery;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.experiment.model.CaseRun;
import com.fmugateway.domain.experiment.model.CaseShares;
import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.port.in.RunCaseUseCase;
import com.fmugateway.domain.experiment.port.out.CallbackQueue;
import com.fmugateway.domain.experiment.port.out.CaseResults;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.port.in.ExecuteSimulationUseCase;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one case on this node. The order makes every outcome charge at most once: the result is
 * stored, then the case moves to {@code SUCCEEDED} (compare-and-set, which a concurrent cancel or
 * another runner of the same case may win instead), and the hold follows the end the case reached:
 * settled if it succeeded, released otherwise. A case that fails in any way is {@code FAILED} with
 * its cause and its hold released. Run again for a case that has ended, it only brings its hold to
 * that end again (the ledger ends a hold once). While it runs, the case is watched: cancelled, the
 * simulation is stopped. A queued case starts only while its account runs fewer cases than its
 * tier's share ({@link CaseShares}); otherwise it {@link CaseRun#WAITS} and the job engine hands it
 * over again later.
 */
public final class RunCaseService implements RunCaseUseCase {

  private static final System.Logger LOG = System.getLogger(RunCaseService.class.getName());

  private final ExperimentStore store;
  private final CaseResults results;
  private final ExecuteSimulationUseCase simulation;
  private final PayForRunUseCase billing;
  private final Clock clock;
  private final String node;
  private final Duration cancelCheck;
  private final ExperimentEnd ends;
  private final FindAccountQuery accounts;
  private final CaseShares shares;

  public RunCaseService(
      ExperimentStore store,
      CaseResults results,
      ExecuteSimulationUseCase simulation,
      PayForRunUseCase billing,
      Clock clock,
      String node,
      Duration cancelCheck,
      CallbackQueue callbacks,
      FindAccountQuery accounts,
      CaseShares shares) {
    this.store = Objects.requireNonNull(store, "store");
    this.results = Objects.requireNonNull(results, "results");
    this.simulation = Objects.requireNonNull(simulation, "simulation");
    this.billing = Objects.requireNonNull(billing, "billing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.node = Objects.requireNonNull(node, "node");
    this.cancelCheck = Objects.requireNonNull(cancelCheck, "cancelCheck");
    this.ends = new ExperimentEnd(store, clock, callbacks);
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.shares = Objects.requireNonNull(shares, "shares");
  }

  @Override
  public Mono<CaseRun> run(UUID caseId) {
    return store
        .caseById(caseId)
        .flatMap(
            c ->
                store
                    .experiment(c.experimentId())
                    .flatMap(
                        experiment ->
                            c.status() == CaseStatus.QUEUED
                                ? startQueued(experiment, c)
                                : run(experiment, c)
                                    .then(ends.endIfDone(experiment))
                                    .thenReturn(CaseRun.RAN)))
        .defaultIfEmpty(CaseRun.RAN);
  }

  /** Starts a queued case within its account's share, or leaves it queued for later. */
  private Mono<CaseRun> startQueued(Experiment experiment, ExperimentCase c) {
    return accounts
        .account(experiment.account())
        .map(Account::tier)
        .defaultIfEmpty(Tier.FREE)
        .flatMap(
            tier ->
                store.startWithin(
                    c.id(), experiment.account(), shares.running(tier), node, clock.now()))
        .flatMap(
            started -> {
              if (started) {
                return ends.started(experiment)
                    .then(execute(experiment, c, hold(experiment, c)))
                    .then(ends.endIfDone(experiment))
                    .thenReturn(CaseRun.RAN);
              }
              // Over the share, or cancelled meanwhile: bring it to whatever end it has now.
              return store
                  .caseById(c.id())
                  .flatMap(
                      now ->
                          now.status() == CaseStatus.QUEUED
                              ? Mono.just(CaseRun.WAITS)
                              : run(experiment, now)
                                  .then(ends.endIfDone(experiment))
                                  .thenReturn(CaseRun.RAN));
            });
  }

  private static RunFunding.Secured hold(Experiment experiment, ExperimentCase c) {
    return new RunFunding.ByCredits(
        Hold.ofCase(experiment.account(), c.id(), experiment.quotePerCase()));
  }

  private Mono<Void> run(Experiment experiment, ExperimentCase c) {
    RunFunding.Secured hold =
        new RunFunding.ByCredits(
            Hold.ofCase(experiment.account(), c.id(), experiment.quotePerCase()));
    switch (c.status()) {
      case SUCCEEDED:
        return results.result(c.id()).flatMap(report -> charge(experiment, c, hold, report));
      case FAILED:
      case CANCELLED:
        return billing.release(hold);
      case QUEUED:
        // Read queued before, started or cancelled since: only a start within the share runs it.
        return startQueued(experiment, c).then();
      default:
        return store
            .start(
                c.id(),
                CaseStatus.TRANSITIONS.between(c.status(), CaseStatus.RUNNING),
                node,
                clock.now())
            .flatMap(
                started ->
                    started
                        ? ends.started(experiment).then(execute(experiment, c, hold))
                        // Cancelled (or taken) meanwhile: bring it to whatever end it has now.
                        : store.caseById(c.id()).flatMap(now -> run(experiment, now)));
    }
  }

  private Mono<Void> execute(Experiment experiment, ExperimentCase c, RunFunding.Secured hold) {
    SimulateCommand command =
        SimulateCommand.of(
                experiment.account(),
                Tier.FREE,
                new FmuId(experiment.fmuId()),
                experiment.request(),
                PaymentChoice.CREDITS)
            .withStartValues(c.parameters());
    // A result stored by a node that died before marking the case is not computed again.
    Mono<SimulationReport> report =
        results
            .result(c.id())
            .switchIfEmpty(
                Mono.defer(
                    () -> simulation.execute(command, c.id()).takeUntilOther(cancelled(c.id()))));
    // Only the run's own failure fails the case; failing to store or charge is retried by the
    // job engine, and the case (RUNNING or SUCCEEDED by then) is brought to its end on the retry.
    return report
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .onErrorResume(failure -> failed(experiment, c, hold, failure).then(Mono.empty()))
        .flatMap(
            finished ->
                finished.isPresent()
                    ? results
                        .store(c.id(), finished.get())
                        .then(succeeded(experiment, c, hold, finished.get()))
                    // Cancelled while it ran: the canceller releases; releasing again is a no-op.
                    : billing.release(hold));
  }

  private Mono<Void> succeeded(
      Experiment experiment, ExperimentCase c, RunFunding.Secured hold, SimulationReport report) {
    return store
        .end(
            c.id(),
            CaseStatus.TRANSITIONS.between(CaseStatus.RUNNING, CaseStatus.SUCCEEDED),
            Optional.empty(),
            report.kpis(),
            clock.now())
        .flatMap(won -> won ? charge(experiment, c, hold, report) : asItEnded(experiment, c));
  }

  private Mono<Void> charge(
      Experiment experiment, ExperimentCase c, RunFunding.Secured hold, SimulationReport report) {
    return billing
        .settle(experiment.account(), c.id(), hold, report.provenance().cpuTime())
        .flatMap(captured -> store.charge(c.id(), captured.credits()));
  }

  private Mono<Void> failed(
      Experiment experiment, ExperimentCase c, RunFunding.Secured hold, Throwable failure) {
    String cause =
        failure instanceof SimulationFailedException f
            ? f.failureCause().name() + ": " + f.getMessage()
            : "INTERNAL";
    if (!(failure instanceof SimulationFailedException)) {
      LOG.log(System.Logger.Level.WARNING, "Case " + c.id() + " failed", failure);
    }
    return store
        .end(
            c.id(),
            CaseStatus.TRANSITIONS.between(CaseStatus.RUNNING, CaseStatus.FAILED),
            Optional.of(cause),
            Map.of(),
            clock.now())
        .flatMap(won -> won ? billing.release(hold) : asItEnded(experiment, c));
  }

  /**
   * Another runner ended the case first: a cancel (which released the hold) or, when the job engine
   * took a case from a node it wrongly thought dead, that node, which may have marked it {@code
   * SUCCEEDED} and not yet settled (or died before it could). Releasing here could beat that
   * settlement and leave a succeeded case unpaid, so the hold goes where the case ended.
   */
  private Mono<Void> asItEnded(Experiment experiment, ExperimentCase c) {
    return store.caseById(c.id()).flatMap(now -> run(experiment, now));
  }

  /** Signals once the case has been cancelled, checking every {@code cancelCheck}. */
  private Mono<Long> cancelled(UUID caseId) {
    return Flux.interval(cancelCheck)
        .concatMap(tick -> store.caseById(caseId))
        .filter(now -> now.status() == CaseStatus.CANCELLED)
        .next()
        .map(now -> 0L);
  }
}
