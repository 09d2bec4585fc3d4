package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.billing.model.ExperimentFunding;
import reactor.core.publisher.Mono;

/**
 * Use case: hold the quote of every case of an experiment before any is queued, all or none; or say
 * what must be paid (a checkout for a credit pack covering the difference). Each case later settles
 * or releases its own hold through {@link PayForRunUseCase}, exactly once.
 */
public interface PayForExperimentUseCase {

  Mono<ExperimentFunding> secure(SecureExperimentCommand command);
}
