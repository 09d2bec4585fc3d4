package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.model.ExperimentStatus;
import com.fmugateway.domain.experiment.model.ExperimentView;
import com.fmugateway.domain.experiment.port.in.CancelExperimentUseCase;
import com.fmugateway.domain.experiment.port.out.CallbackQueue;
import com.fmugateway.domain.experiment.port.out.CaseQueue;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.shared.port.out.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Cancels an experiment: each open case is moved to {@code CANCELLED} (compare-and-set, so a case
 * that completed meanwhile stays completed and charged) and only then its hold released; queued
 * cases are taken off the queue; a running case's worker sees the cancellation and stops.
 */
public final class CancelExperimentService implements CancelExperimentUseCase {

  private final ExperimentStore store;
  private final CaseQueue queue;
  private final PayForRunUseCase billing;
  private final Clock clock;
  private final Views views;
  private final ExperimentEnd ends;

  public CancelExperimentService(
      ExperimentStore store,
      CaseQueue queue,
      PayForRunUseCase billing,
      Clock clock,
      CallbackQueue callbacks) {
    this.store = Objects.requireNonNull(store, "store");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.billing = Objects.requireNonNull(billing, "billing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.views = new Views(store);
    this.ends = new ExperimentEnd(store, clock, callbacks);
  }

  @Override
  public Mono<ExperimentView> cancel(AccountId caller, UUID experimentId) {
    return views
        .owned(caller, experimentId)
        .flatMap(
            experiment ->
                experiment.status().finished()
                    ? views.view(experiment)
                    : cancelOpenCases(experiment)
                        .then(end(experimentId, ExperimentStatus.QUEUED))
                        .flatMap(
                            ended ->
                                ended
                                    ? Mono.just(true)
                                    : end(experimentId, ExperimentStatus.RUNNING))
                        .flatMap(ended -> ended ? ends.ended(experiment) : Mono.empty())
                        .then(store.experiment(experimentId))
                        .flatMap(views::view));
  }

  /** A worker may have started the experiment since it was read: either way it ends cancelled. */
  private Mono<Boolean> end(UUID experimentId, ExperimentStatus from) {
    return store.move(
        experimentId,
        ExperimentStatus.TRANSITIONS.between(from, ExperimentStatus.CANCELLED),
        clock.now());
  }

  private Mono<Void> cancelOpenCases(Experiment experiment) {
    return store
        .unfinishedCases(experiment.id())
        .collectList()
        .flatMap(
            open ->
                queue
                    .withdraw(
                        open.stream()
                            .filter(c -> c.status() == CaseStatus.QUEUED)
                            .map(ExperimentCase::id)
                            .toList())
                    .thenMany(
                        reactor.core.publisher.Flux.fromIterable(open)
                            .concatMap(c -> cancelCase(experiment, c)))
                    .then());
  }

  /**
   * Cancels one case from the state it was read in; a worker may have started it since, so once
   * more from the state it is in now. Only the move that wins releases the hold.
   */
  private Mono<Void> cancelCase(Experiment experiment, ExperimentCase c) {
    return endCase(c)
        .flatMap(
            cancelled ->
                cancelled
                    ? Mono.just(true)
                    : store
                        .caseById(c.id())
                        .filter(now -> !now.status().finished())
                        .flatMap(this::endCase)
                        .defaultIfEmpty(false))
        .flatMap(
            cancelled ->
                cancelled
                    ? billing.release(
                        new RunFunding.ByCredits(
                            Hold.ofCase(experiment.account(), c.id(), experiment.quotePerCase())))
                    : Mono.empty());
  }

  private Mono<Boolean> endCase(ExperimentCase c) {
    return store.end(
        c.id(),
        CaseStatus.TRANSITIONS.between(c.status(), CaseStatus.CANCELLED),
        Optional.empty(),
        Map.of(),
        clock.now());
  }
}
