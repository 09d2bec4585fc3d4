package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.IssuedApiKey;
import reactor.core.publisher.Mono;

/** Use case: open a customer account with email and password, with its first API key. */
public interface SignUpUseCase {

  Mono<IssuedApiKey> signUp(SignUpCommand command);
}
