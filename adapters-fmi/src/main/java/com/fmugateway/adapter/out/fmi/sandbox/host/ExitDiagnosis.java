package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a worker stopped answering, told from how it exited and the last of its console output.
 *
 * <p>A JVM catches SIGSEGV and friends in native code itself, prints a summary such as {@code #
 * SIGSEGV (0xb) at pc=…} and aborts, so the signal that ended the process (6) is not the one that
 * crashed the FMU; the summary names that one.
 *
 * @param exit the exit as reported to operators: the FMU's signal where the JVM named one
 */
record ExitDiagnosis(Cause cause, String message, WorkerExit exit) {

  private static final Pattern JVM_CRASH = Pattern.compile("#\\s+SIG[A-Z0-9]+ \\(0x([0-9a-f]+)\\)");
  private static final int SIGXCPU = 24;
  private static final int SIGXFSZ = 25;

  static ExitDiagnosis of(WorkerExit exit, String output, SandboxSettings settings) {
    if (output.contains("unable to create native thread")) {
      return new ExitDiagnosis(
          Cause.RESOURCE_LIMIT,
          "simulation reached the limit of " + settings.maxProcesses() + " processes and threads",
          exit);
    }
    if (output.contains("java.lang.OutOfMemoryError")
        || output.contains("insufficient memory for the Java Runtime Environment")) {
      return new ExitDiagnosis(
          Cause.RESOURCE_LIMIT,
          "simulation ran out of memory (limit " + Sizes.format(settings.addressSpaceBytes()) + ")",
          exit);
    }
    Matcher crash = JVM_CRASH.matcher(output);
    if (crash.find()) {
      WorkerExit fmuSignal = WorkerExit.signal(Integer.parseInt(crash.group(1), 16));
      return crashed(fmuSignal);
    }
    if (exit.signal().isPresent()) {
      int signal = exit.signal().getAsInt();
      if (signal == SIGXCPU) {
        return new ExitDiagnosis(
            Cause.RESOURCE_LIMIT,
            "simulation used up its worker's " + settings.cpuSeconds() + " s of CPU time",
            exit);
      }
      if (signal == SIGXFSZ) {
        return new ExitDiagnosis(
            Cause.RESOURCE_LIMIT,
            "simulation wrote a file larger than " + Sizes.format(settings.maxFileSizeBytes()),
            exit);
      }
      return crashed(exit);
    }
    if (exit.code().isPresent()) {
      return new ExitDiagnosis(
          Cause.CRASHED,
          "simulation worker exited unexpectedly (exit code " + exit.code().getAsInt() + ")",
          exit);
    }
    return new ExitDiagnosis(Cause.CRASHED, "simulation worker stopped answering", exit);
  }

  private static ExitDiagnosis crashed(WorkerExit exit) {
    return new ExitDiagnosis(
        Cause.CRASHED, "simulation crashed (signal " + exit.signal().getAsInt() + ")", exit);
  }
}
