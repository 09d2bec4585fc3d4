package com.fmugateway.domain.experiment.port.in;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: run one queued case on this node, as the job engine hands it over. Safe to call again
 * for the same case (a retry, or another node taking over from a dead one): a finished case is only
 * brought to its end again (its hold settled or released, which the ledger does once), and a case
 * is charged once whatever happens.
 */
public interface RunCaseUseCase {

  Mono<Void> run(UUID caseId);
}
