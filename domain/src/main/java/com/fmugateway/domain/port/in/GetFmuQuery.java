package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.fmu.FmuId;
import com.fmugateway.domain.model.fmu.ResolvedFmu;
import reactor.core.publisher.Mono;

/**
 * Query: an FMU the caller may use, from the library or their uploads. Fails with {@link
 * com.fmugateway.domain.model.common.NotFoundException} otherwise.
 */
public interface GetFmuQuery {

  Mono<ResolvedFmu> fmu(AccountId caller, FmuId id);
}
