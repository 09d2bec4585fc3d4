package com.fmugateway.domain.port.out;

import com.fmugateway.domain.model.simulation.SimulationJob;
import com.fmugateway.domain.model.simulation.SimulationResult;
import reactor.core.publisher.Mono;

/**
 * Role: executes an FMU. Fails with {@link
 * com.fmugateway.domain.model.simulation.SimulationFailedException} when the run produces no
 * result, whatever the reason (model error, timeout, crash, limits, overload).
 */
public interface Simulator {

  Mono<SimulationResult> simulate(SimulationJob job);
}
