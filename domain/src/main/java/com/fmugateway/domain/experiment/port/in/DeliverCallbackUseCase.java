package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.experiment.model.CallbackDelivery;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: one attempt to POST an ended experiment's outcome, signed, to its callback URL. The
 * queue that calls it makes the attempt again later when it is {@code REFUSED} or errors.
 */
public interface DeliverCallbackUseCase {

  Mono<CallbackDelivery> deliver(UUID experimentId);
}
