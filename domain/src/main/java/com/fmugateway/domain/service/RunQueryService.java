package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.common.InvalidInputException;
import com.fmugateway.domain.model.common.NotFoundException;
import com.fmugateway.domain.model.run.RunRecord;
import com.fmugateway.domain.port.in.GetRunsQuery;
import com.fmugateway.domain.port.out.RunHistory;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's run history, a bounded page at a time. */
public final class RunQueryService implements GetRunsQuery {

  private static final int MAX_PAGE = 500;

  private final RunHistory history;

  public RunQueryService(RunHistory history) {
    this.history = Objects.requireNonNull(history, "history");
  }

  @Override
  public Flux<RunRecord> recent(AccountId caller, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      return Flux.error(new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE));
    }
    return history.recent(caller, limit);
  }

  @Override
  public Mono<RunRecord> run(AccountId caller, UUID id) {
    return history
        .find(caller, id)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("no run with id " + id)));
  }
}
