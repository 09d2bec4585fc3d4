package com.fmugateway.domain.simulation.port.out;

import com.fmugateway.domain.account.model.AccountId;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Role: the runs each account has in progress, counted across every gateway sharing the store, so a
 * per-account limit holds however many gateways serve the account. A slot not released by its
 * lease's end (its gateway died) no longer counts.
 */
public interface ConcurrentRuns {

  /**
   * Takes a slot for {@code run} if the account holds fewer than {@code max} slots unexpired at
   * {@code now}; false, taking nothing, otherwise. Concurrent calls for one account never pass
   * {@code max} together.
   */
  Mono<Boolean> tryStart(AccountId account, UUID run, int max, Instant now, Instant leaseUntil);

  /** Gives the run's slot back; nothing when it holds none. */
  Mono<Void> finish(UUID run);
}
