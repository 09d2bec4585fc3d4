package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.ExperimentView;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Query: one of the caller's experiments with its progress; another account's is {@link
 * com.fmugateway.domain.shared.model.NotFoundException}, as is an unknown id.
 */
public interface GetExperimentQuery {

  Mono<ExperimentView> experiment(AccountId caller, UUID experimentId);
}
