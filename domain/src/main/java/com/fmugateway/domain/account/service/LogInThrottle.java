package com.fmugateway.domain.account.service;

import com.fmugateway.domain.account.model.LogInLimits;
import com.fmugateway.domain.account.model.TooManyLogInAttemptsException;
import com.fmugateway.domain.account.port.in.LogInCommand;
import com.fmugateway.domain.account.port.out.FailedLogIns;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Refuses log-ins for an email or a client address with too many recent failures. Failures count
 * whether the email has an account or not, so a refusal says nothing about it either.
 */
final class LogInThrottle {

  private final FailedLogIns failures;
  private final LogInLimits limits;

  LogInThrottle(FailedLogIns failures, LogInLimits limits) {
    this.failures = failures;
    this.limits = limits;
  }

  /** Empty when the attempt may go ahead, else a {@link TooManyLogInAttemptsException}. */
  Mono<Void> admit(LogInCommand command) {
    return Mono.zip(
            failures.lockedFor(byEmail(command), limits.perEmail(), limits.window()),
            failures.lockedFor(byAddress(command), limits.perAddress(), limits.window()))
        .flatMap(
            locked -> {
              Duration wait =
                  locked.getT1().compareTo(locked.getT2()) >= 0 ? locked.getT1() : locked.getT2();
              return wait.isZero()
                  ? Mono.<Void>empty()
                  : Mono.error(new TooManyLogInAttemptsException(wait));
            });
  }

  Mono<Void> failed(LogInCommand command) {
    return failures
        .record(byEmail(command), limits.window())
        .then(failures.record(byAddress(command), limits.window()));
  }

  private static String byEmail(LogInCommand command) {
    return "login-failed:email:" + command.email();
  }

  private static String byAddress(LogInCommand command) {
    return "login-failed:ip:" + command.clientAddress();
  }
}
