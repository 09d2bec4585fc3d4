package com.fmugateway.domain.experiment.port.out;

import com.fmugateway.domain.simulation.model.SimulationReport;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Role: keeps the full result of each succeeded case, durably, before the case is charged. A case
 * has one result: storing it again (the case computed twice, its node taken for dead) succeeds and
 * keeps the first.
 */
public interface CaseResults {

  Mono<Void> store(UUID caseId, SimulationReport report);

  /** The case's result; empty when none was stored. */
  Mono<SimulationReport> result(UUID caseId);
}
