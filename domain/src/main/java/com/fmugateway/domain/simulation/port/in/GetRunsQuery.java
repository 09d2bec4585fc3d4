package com.fmugateway.domain.simulation.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.Usage;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Query: the caller's own runs. */
public interface GetRunsQuery {

  Flux<RunRecord> recent(AccountId caller, int limit);

  /** The caller's runs and credits spent on them since {@code since}. */
  Mono<Usage> usageSince(AccountId caller, Instant since);

  /** Fails with NotFoundException for an unknown id or another account's run. */
  Mono<RunRecord> run(AccountId caller, UUID id);
}
