package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.simulation.model.SimulationReport;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Query: the full result of one succeeded case, as a run reports it; a case without a result (not
 * run yet, failed, cancelled) or of another account's experiment is {@link
 * com.fmugateway.domain.shared.model.NotFoundException}.
 */
public interface GetCaseResultQuery {

  Mono<SimulationReport> result(AccountId caller, UUID experimentId, int index);
}
