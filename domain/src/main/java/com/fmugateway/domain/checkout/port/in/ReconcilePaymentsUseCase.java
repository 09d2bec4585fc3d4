package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.checkout.model.Reconciliation;
import reactor.core.publisher.Mono;

/**
 * Use case: ask the providers about checkouts pending for longer than a webhook should take, and
 * settle them as a webhook would have. Safe to run on every gateway at once.
 */
public interface ReconcilePaymentsUseCase {

  Mono<Reconciliation> reconcile();
}
