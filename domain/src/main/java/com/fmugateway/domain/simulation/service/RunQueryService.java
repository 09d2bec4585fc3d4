package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.Usage;
import com.fmugateway.domain.simulation.port.in.GetRunsQuery;
import com.fmugateway.domain.simulation.port.out.RunHistory;
import java.time.Instant;
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
  public Mono<Usage> usageSince(AccountId caller, Instant since) {
    return history.usageSince(caller, since);
  }

  @Override
  public Mono<RunRecord> run(AccountId caller, UUID id) {
    return history
        .find(caller, id)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("no run with id " + id)));
  }
}
