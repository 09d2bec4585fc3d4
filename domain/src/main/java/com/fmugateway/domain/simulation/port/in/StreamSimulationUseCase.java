package com.fmugateway.domain.simulation.port.in;

import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.StreamedRun;
import reactor.core.publisher.Flux;

/**
 * Use case: run a simulation and hand its samples on as they come, KPIs computed on the way, the
 * charge taken only once it has succeeded; nothing is held whole. Everything (slot, payment, run)
 * lives within one subscription: cancelling it releases what was held.
 */
public interface StreamSimulationUseCase {

  Flux<StreamedRun> stream(SimulateCommand command, ResultLayout layout);
}
