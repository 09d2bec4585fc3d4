package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.Account;
import reactor.core.publisher.Mono;

/**
 * Use case: check an email and password. Fails with {@link
 * com.fmugateway.domain.account.model.InvalidCredentialsException} on any mismatch, in the same
 * time and without saying whether the email exists, and with {@link
 * com.fmugateway.domain.account.model.TooManyLogInAttemptsException} after too many failures for
 * the email or the client address.
 */
public interface LogInUseCase {

  Mono<Account> logIn(LogInCommand command);
}
