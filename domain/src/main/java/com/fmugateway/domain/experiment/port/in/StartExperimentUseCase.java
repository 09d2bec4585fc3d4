package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.experiment.model.ExperimentOutcome;
import reactor.core.publisher.Mono;

/**
 * Use case: start a parameter study: every case checked against the model, every case's quote held,
 * every case queued; or only quoted; or, when credits are short, what to pay (a value: the edge
 * answers 402).
 */
public interface StartExperimentUseCase {

  Mono<ExperimentOutcome> start(StartExperimentCommand command);
}
