package com.fmugateway.domain.experiment.port.out;

import com.fmugateway.domain.experiment.model.CaseLoad;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Role: reads the load of the case queue across every account: cases queued and running, and per
 * node the cases it runs now and those it ended since {@code since}.
 */
public interface CaseLoadReadModel {

  Mono<CaseLoad> load(Instant since);
}
