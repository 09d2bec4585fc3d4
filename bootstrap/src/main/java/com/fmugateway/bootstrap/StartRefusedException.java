package com.fmugateway.bootstrap;

/**
 * The gateway refuses to start for a reason the operator can fix; {@link StartRefusalAnalyzer}
 * prints its message alone, without the stack trace around it.
 */
final class StartRefusedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  StartRefusedException(String message) {
    super(message);
  }
}
