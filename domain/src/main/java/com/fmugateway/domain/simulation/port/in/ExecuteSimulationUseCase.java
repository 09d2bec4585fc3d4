package com.fmugateway.domain.simulation.port.in;

import com.fmugateway.domain.simulation.model.SimulationReport;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: run one simulation that another area has paid for already (an experiment's case): no
 * payment and no run slot is taken here, and the report carries no cost. Fails with {@link
 * com.fmugateway.domain.simulation.model.SimulationFailedException} when it produces no result.
 */
public interface ExecuteSimulationUseCase {

  Mono<SimulationReport> execute(SimulateCommand command, UUID runId);
}
