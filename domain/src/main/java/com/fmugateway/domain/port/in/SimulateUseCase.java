package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.simulation.SimulationReport;
import reactor.core.publisher.Mono;

/** Use case: run a simulation for the caller and report results, KPIs and provenance. */
public interface SimulateUseCase {

  Mono<SimulationReport> simulate(SimulateCommand command);
}
