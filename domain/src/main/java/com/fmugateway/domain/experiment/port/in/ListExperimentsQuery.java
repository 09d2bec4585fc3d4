package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.ExperimentView;
import com.fmugateway.domain.shared.model.Page;
import com.fmugateway.domain.shared.model.PageRequest;
import reactor.core.publisher.Mono;

/** Query: the caller's experiments, newest first, one page at a time. */
public interface ListExperimentsQuery {

  Mono<Page<ExperimentView>> experiments(AccountId caller, PageRequest page);
}
