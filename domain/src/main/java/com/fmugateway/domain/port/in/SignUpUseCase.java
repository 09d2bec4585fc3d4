package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.IssuedApiKey;
import reactor.core.publisher.Mono;

/** Use case: open a customer account with email and password, with its first API key. */
public interface SignUpUseCase {

  Mono<IssuedApiKey> signUp(SignUpCommand command);
}
