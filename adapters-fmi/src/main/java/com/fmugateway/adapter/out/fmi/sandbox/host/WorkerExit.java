package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.util.OptionalInt;

/**
 * How a worker process ended: the signal that killed it, or the code it exited with; both empty
 * while it runs.
 */
record WorkerExit(OptionalInt signal, OptionalInt code) {

  static final WorkerExit UNKNOWN = new WorkerExit(OptionalInt.empty(), OptionalInt.empty());

  private static final int SIGNAL_BASE = 128;
  private static final int MAX_SIGNAL = 64;

  /**
   * From an exit status as {@link Process#exitValue()} gives it. bwrap and sh report a child killed
   * by signal n as status 128 + n, so the two cannot be told apart; no worker exits with such a
   * code by itself.
   */
  static WorkerExit fromStatus(int status) {
    if (status > SIGNAL_BASE && status <= SIGNAL_BASE + MAX_SIGNAL) {
      return signal(status - SIGNAL_BASE);
    }
    return new WorkerExit(OptionalInt.empty(), OptionalInt.of(status));
  }

  static WorkerExit signal(int signal) {
    return new WorkerExit(OptionalInt.of(signal), OptionalInt.empty());
  }

  @Override
  public String toString() {
    if (signal.isPresent()) {
      return "signal " + signal.getAsInt();
    }
    return code.isPresent() ? "exit code " + code.getAsInt() : "none";
  }
}
