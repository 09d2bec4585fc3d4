package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.experiment.model.CaseLoad;
import reactor.core.publisher.Mono;

/** Query, for operators: the depth of the case queue and how each worker node keeps up. */
public interface GetCaseLoadQuery {

  Mono<CaseLoad> load();
}
