package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A failed sandboxed run, as recorded for operators: never the FMU's log, never a secret.
 *
 * @param exitSignal the signal that ended the worker, when it died of one
 * @param exitCode the worker's exit code, when it exited by itself
 */
public record SandboxFailure(
    Cause cause,
    Sha256 fmuSha256,
    boolean builtIn,
    AccountId account,
    OptionalInt exitSignal,
    OptionalInt exitCode,
    String message,
    Instant time) {

  public SandboxFailure {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(fmuSha256, "fmuSha256");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(exitSignal, "exitSignal");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(time, "time");
  }
}
