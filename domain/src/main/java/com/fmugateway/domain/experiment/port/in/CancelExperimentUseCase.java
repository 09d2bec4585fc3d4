package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.ExperimentView;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: cancel an experiment. Queued cases never start, running ones are stopped, and the holds
 * of every case that did not complete are released at once; completed cases stay charged.
 * Cancelling an experiment that has ended changes nothing.
 */
public interface CancelExperimentUseCase {

  Mono<ExperimentView> cancel(AccountId caller, UUID experimentId);
}
