package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.experiment.model.CaseRun;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: run one queued case on this node, as the job engine hands it over. Safe to call again
 * for the same case (a retry, or another node taking over from a dead one): a finished case is only
 * brought to its end again (its hold settled or released, which the ledger does once), and a case
 * is charged once whatever happens. A queued case over its account's share of the workers {@link
 * CaseRun#WAITS}: it stays queued and is to be handed over again a little later.
 */
public interface RunCaseUseCase {

  Mono<CaseRun> run(UUID caseId);
}
