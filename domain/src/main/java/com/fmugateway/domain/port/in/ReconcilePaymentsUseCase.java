package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.payment.Reconciliation;
import reactor.core.publisher.Mono;

/**
 * Use case: ask the providers about checkouts pending for longer than a webhook should take, and
 * settle them as a webhook would have. Safe to run on every gateway at once.
 */
public interface ReconcilePaymentsUseCase {

  Mono<Reconciliation> reconcile();
}
