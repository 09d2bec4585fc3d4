package com.fmugateway.adapter.in.portal.security;

import org.springframework.security.core.AuthenticationException;

/** A log-in refused before its password was checked: too many recent failures. */
final class LogInThrottledException extends AuthenticationException {

  private final long retryMinutes;

  LogInThrottledException(String message, long retryMinutes) {
    super(message);
    this.retryMinutes = retryMinutes;
  }

  long retryMinutes() {
    return retryMinutes;
  }
}
