package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.CaseSlice;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Query: the cases of one of the caller's experiments, by index, {@code limit} from {@code offset}.
 */
public interface ListCasesQuery {

  /** The most cases one call returns. */
  int MAX_LIMIT = 10_000;

  Mono<CaseSlice> cases(AccountId caller, UUID experimentId, long offset, int limit);
}
