package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.Account;
import reactor.core.publisher.Mono;

/**
 * Use case: check an email and password. Fails with {@link
 * com.fmugateway.domain.account.model.InvalidCredentialsException} on any mismatch, without saying
 * whether the email exists.
 */
public interface LogInUseCase {

  Mono<Account> logIn(String email, String password);
}
