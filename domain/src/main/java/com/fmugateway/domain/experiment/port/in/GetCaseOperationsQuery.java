package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.experiment.model.CaseOperations;
import reactor.core.publisher.Mono;

/** Query (operators): queue depth, cases running, and each node's cases over the last hour. */
public interface GetCaseOperationsQuery {

  Mono<CaseOperations> operations();
}
