package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.Account;
import reactor.core.publisher.Mono;

/** Use case: make sure the configured first operator exists (created or promoted), idempotently. */
public interface EnsureOperatorUseCase {

  Mono<Account> ensureOperator(SignUpCommand credentials);
}
