package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentStatus;
import com.fmugateway.domain.experiment.port.out.CallbackQueue;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.shared.port.out.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Moves an experiment as its cases move: {@code RUNNING} when its first case starts, and to its end
 * ({@link ExperimentStatus#endedWith}) once no case is open. Compare-and-set both: of several nodes
 * ending the last cases at once, one ends the experiment, and only that one queues its callback.
 */
final class ExperimentEnd {

  private final ExperimentStore store;
  private final Clock clock;
  private final CallbackQueue callbacks;

  ExperimentEnd(ExperimentStore store, Clock clock, CallbackQueue callbacks) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  Mono<Void> started(Experiment experiment) {
    return store
        .move(
            experiment.id(),
            ExperimentStatus.TRANSITIONS.between(ExperimentStatus.QUEUED, ExperimentStatus.RUNNING),
            clock.now())
        .then();
  }

  Mono<Void> endIfDone(Experiment experiment) {
    return store
        .counts(experiment.id())
        .filter(counts -> counts.open() == 0)
        .flatMap(
            counts ->
                store.move(
                    experiment.id(),
                    ExperimentStatus.TRANSITIONS.between(
                        ExperimentStatus.RUNNING, ExperimentStatus.endedWith(counts)),
                    clock.now()))
        .flatMap(ended -> ended ? ended(experiment) : Mono.empty())
        .then();
  }

  /** The experiment was ended by this caller's move: its callback, if it has one, is queued. */
  Mono<Void> ended(Experiment experiment) {
    return experiment.callbackUrl().isPresent() ? callbacks.enqueue(experiment.id()) : Mono.empty();
  }
}
