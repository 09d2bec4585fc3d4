package com.fmugateway.domain.fmu.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import reactor.core.publisher.Mono;

/**
 * Query: an FMU the caller may use, from the library or their uploads. Fails with {@link
 * com.fmugateway.domain.shared.model.NotFoundException} otherwise.
 */
public interface GetFmuQuery {

  Mono<ResolvedFmu> fmu(AccountId caller, FmuId id);
}
