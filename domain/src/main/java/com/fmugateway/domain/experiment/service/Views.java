package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentView;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.shared.model.NotFoundException;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads an experiment for its owner, and its progress. */
final class Views {

  private final ExperimentStore store;

  Views(ExperimentStore store) {
    this.store = store;
  }

  /** The caller's experiment; another account's answers exactly like an unknown id. */
  Mono<Experiment> owned(AccountId caller, UUID experimentId) {
    return store
        .experiment(experimentId)
        .filter(e -> e.account().equals(caller))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("no experiment " + experimentId)));
  }

  Mono<ExperimentView> view(Experiment experiment) {
    return store
        .counts(experiment.id())
        .zipWith(store.charged(experiment.id()))
        .map(
            countsAndCharged ->
                new ExperimentView(
                    experiment,
                    countsAndCharged.getT1(),
                    countsAndCharged.getT1().open() * experiment.quotePerCase(),
                    countsAndCharged.getT2()));
  }
}
