package com.fmugateway.domain.simulation.port.in;

import com.fmugateway.domain.simulation.model.SimulationOutcome;
import reactor.core.publisher.Mono;

/**
 * Use case: run a simulation for the caller and report results, KPIs and provenance; or, when it is
 * not paid for, say what to pay (a value: the edge turns it into its 402).
 */
public interface SimulateUseCase {

  Mono<SimulationOutcome> simulate(SimulateCommand command);
}
