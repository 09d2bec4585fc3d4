package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.Account;
import reactor.core.publisher.Mono;

/**
 * Use case: check an email and password. Fails with {@link
 * com.fmugateway.domain.model.account.InvalidCredentialsException} on any mismatch, without saying
 * whether the email exists.
 */
public interface LogInUseCase {

  Mono<Account> logIn(String email, String password);
}
