package com.fmugateway.domain.fmu.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Role: each account's uploaded FMUs. Every lookup is scoped to the owner. */
public interface FmuCatalog {

  /**
   * Records an upload, or returns the owner's existing record for the same bytes, so uploading one
   * file twice gives one record even when both uploads race.
   */
  Mono<FmuRecord> register(FmuRecord candidate);

  /** The owner's FMU with this id; empty for an unknown id or another account's FMU. */
  Mono<FmuRecord> find(AccountId owner, FmuId id);

  /** All the owner's uploads, newest first. */
  Flux<FmuRecord> list(AccountId owner);

  /** The owner's uploads, newest first, {@code limit} of them after skipping {@code offset}. */
  Flux<FmuRecord> list(AccountId owner, long offset, int limit);

  /** How many uploads the owner has. */
  Mono<Long> count(AccountId owner);
}
