package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators about failed runs: a {@link SandboxFailure} for the listener and one log line,
 * never the FMU's log. Model errors are the customer's business and logged at INFO; everything else
 * at WARN.
 */
final class FailureLog {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxedSimulator.class);
  private static final int MAX_LOGGED_CHARS = 2000;

  private final Consumer<SandboxFailure> listener;
  private final Clock clock;

  FailureLog(Consumer<SandboxFailure> listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  /** Records the failure and returns the exception the run fails with. */
  SimulationFailedException report(
      SimulationJob job, Cause cause, String message, WorkerExit exit, List<String> fmuLog) {
    SandboxFailure failure =
        new SandboxFailure(
            cause,
            job.fmu().sha256(),
            job.fmu().builtIn(),
            job.account(),
            exit.signal(),
            exit.code(),
            message,
            clock.instant());
    if (cause == Cause.MODEL_ERROR) {
      LOG.info(format(failure));
    } else {
      LOG.warn(format(failure));
    }
    try {
      listener.accept(failure);
    } catch (RuntimeException e) {
      LOG.warn("the sandbox failure listener failed", e);
    }
    return new SimulationFailedException(cause, message, fmuLog);
  }

  /** The console of a worker that did not start: no FMU code has run in it yet. */
  void startFailed(String reason, String console) {
    LOG.warn("a simulation worker did not start: {}; its output ends: {}", reason, clean(console));
  }

  private static String format(SandboxFailure failure) {
    return "sandboxed run failed: cause="
        + failure.cause()
        + " fmu="
        + failure.fmuSha256()
        + " builtIn="
        + failure.builtIn()
        + " account="
        + failure.account()
        + " exit="
        + new WorkerExit(failure.exitSignal(), failure.exitCode())
        + " message="
        + clean(failure.message());
  }

  /** Short and on one line: the text may come from the FMU, which must not forge log lines. */
  static String clean(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_LOGGED_CHARS
        ? oneLine
        : "…" + oneLine.substring(oneLine.length() - MAX_LOGGED_CHARS);
  }
}
