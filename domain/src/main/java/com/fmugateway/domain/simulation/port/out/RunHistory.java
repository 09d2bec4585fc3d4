package com.fmugateway.domain.simulation.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.Usage;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Role: the metered record of every run, for usage, history and analytics. */
public interface RunHistory {

  Mono<Void> record(RunRecord run);

  /** The account's newest runs first. */
  Flux<RunRecord> recent(AccountId account, int limit);

  /** The account's run with this id; empty for another account's run. */
  Mono<RunRecord> find(AccountId account, java.util.UUID id);

  Mono<Usage> usageSince(AccountId account, Instant since);
}
