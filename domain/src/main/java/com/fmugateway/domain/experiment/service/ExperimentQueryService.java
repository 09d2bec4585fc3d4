package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.ExperimentView;
import com.fmugateway.domain.experiment.port.in.GetCaseResultQuery;
import com.fmugateway.domain.experiment.port.in.GetExperimentQuery;
import com.fmugateway.domain.experiment.port.in.ListCasesQuery;
import com.fmugateway.domain.experiment.port.in.ListExperimentsQuery;
import com.fmugateway.domain.experiment.port.out.CaseResults;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.Page;
import com.fmugateway.domain.shared.model.PageRequest;
import com.fmugateway.domain.simulation.model.SimulationReport;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's experiments, their cases and their cases' results; nobody else's. */
public final class ExperimentQueryService
    implements GetExperimentQuery, ListExperimentsQuery, ListCasesQuery, GetCaseResultQuery {

  private final ExperimentStore store;
  private final CaseResults results;
  private final Views views;

  public ExperimentQueryService(ExperimentStore store, CaseResults results) {
    this.store = Objects.requireNonNull(store, "store");
    this.results = Objects.requireNonNull(results, "results");
    this.views = new Views(store);
  }

  @Override
  public Mono<ExperimentView> experiment(AccountId caller, UUID experimentId) {
    return views.owned(caller, experimentId).flatMap(views::view);
  }

  @Override
  public Mono<Page<ExperimentView>> experiments(AccountId caller, PageRequest page) {
    return store
        .experiments(caller, page)
        .flatMap(
            experiments ->
                Flux.fromIterable(experiments.items())
                    .concatMap(views::view)
                    .collectList()
                    .map(items -> new Page<>(items, page, experiments.total())));
  }

  @Override
  public Mono<CaseSlice> cases(AccountId caller, UUID experimentId, long offset, int limit) {
    if (offset < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return views.owned(caller, experimentId).flatMap(e -> store.cases(e.id(), offset, limit));
  }

  @Override
  public Mono<SimulationReport> result(AccountId caller, UUID experimentId, int index) {
    return views
        .owned(caller, experimentId)
        .flatMap(e -> store.caseAt(e.id(), index))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFoundException("experiment " + experimentId + " has no case " + index)))
        .flatMap(
            c ->
                c.status() == CaseStatus.SUCCEEDED
                    ? results.result(c.id())
                    : Mono.error(
                        new NotFoundException(
                            "case "
                                + index
                                + " has no result: it is "
                                + c.status().code()
                                + c.failure().map(f -> " (" + f + ")").orElse(""))))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("case " + index + " has no stored result")));
  }
}
