package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.run.RunRecord;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Query: the caller's own runs. */
public interface GetRunsQuery {

  Flux<RunRecord> recent(AccountId caller, int limit);

  /** Fails with NotFoundException for an unknown id or another account's run. */
  Mono<RunRecord> run(AccountId caller, UUID id);
}
