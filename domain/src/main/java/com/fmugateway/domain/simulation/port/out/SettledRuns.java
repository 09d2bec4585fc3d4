package com.fmugateway.domain.simulation.port.out;

import com.fmugateway.domain.billing.model.Settlement;
import com.fmugateway.domain.simulation.model.RunRecord;
import reactor.core.publisher.Mono;

/**
 * Role: ends a run paid from a credit hold in one atomic write: the hold settled (the capture, then
 * the release of the whole hold), the run recorded with the capture as its cost, and the run's slot
 * ({@link ConcurrentRuns}) given back. For a database that is one statement: one round trip and one
 * commit where settling, recording and giving the slot back separately take five round trips and
 * two commits.
 */
public interface SettledRuns {

  /**
   * True when it did all of that. False when the hold had ended before (released by housekeeping,
   * or settled by another runner): then the slot is given back and nothing else is written, and the
   * caller settles and records the run the long way, which charges what was captured before.
   */
  Mono<Boolean> settleAndRecord(Settlement settlement, RunRecord run);
}
