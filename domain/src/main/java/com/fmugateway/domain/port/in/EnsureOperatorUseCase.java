package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.Account;
import reactor.core.publisher.Mono;

/** Use case: make sure the configured first operator exists (created or promoted), idempotently. */
public interface EnsureOperatorUseCase {

  Mono<Account> ensureOperator(SignUpCommand credentials);
}
