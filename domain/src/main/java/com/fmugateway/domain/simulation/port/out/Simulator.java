package com.fmugateway.domain.simulation.port.out;

import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationResult;
import reactor.core.publisher.Mono;

/**
 * Role: executes an FMU. Fails with {@link
 * com.fmugateway.domain.simulation.model.SimulationFailedException} when the run produces no
 * result, whatever the reason (model error, timeout, crash, limits, overload).
 */
public interface Simulator {

  Mono<SimulationResult> simulate(SimulationJob job);
}
