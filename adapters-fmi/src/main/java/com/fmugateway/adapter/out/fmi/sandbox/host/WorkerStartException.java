package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;

/** A worker that did not come up; {@code console} is its output, for operators only. */
final class WorkerStartException extends IOException {

  private final String console;

  WorkerStartException(String message, String console) {
    super(message);
    this.console = console;
  }

  WorkerStartException(String message, String console, Throwable cause) {
    super(message, cause);
    this.console = console;
  }

  String console() {
    return console;
  }
}
