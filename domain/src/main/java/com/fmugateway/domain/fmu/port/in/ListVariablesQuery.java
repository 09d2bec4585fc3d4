package com.fmugateway.domain.fmu.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.VariablePage;
import reactor.core.publisher.Mono;

/**
 * Query: one page of the variables of an FMU the caller may use. Fails with {@link
 * com.fmugateway.domain.shared.model.InvalidInputException} for a bad offset or limit, before
 * anything is looked up, and like {@link GetFmuQuery} otherwise.
 */
public interface ListVariablesQuery {

  Mono<VariablePage> variables(AccountId caller, FmuId id, int offset, int limit);
}
