package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExitDiagnosisTest {

  private static final SandboxSettings SETTINGS = SandboxSettings.defaults(Path.of("/tmp/x"));

  @Test
  void givenTheJvmsCrashSummary_theFmusSignalIsReportedNotTheAbort() {
    String output =
        "#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n"
            + "#  SIGSEGV (0xb) at pc=0x00007f, pid=2, tid=3\n";

    ExitDiagnosis diagnosis = ExitDiagnosis.of(WorkerExit.fromStatus(134), output, SETTINGS);

    assertThat(diagnosis.cause()).isEqualTo(Cause.CRASHED);
    assertThat(diagnosis.message()).isEqualTo("simulation crashed (signal 11)");
    assertThat(diagnosis.exit().signal()).isEqualTo(OptionalInt.of(11));
  }

  @Test
  void givenADeathBySignalWithoutSummary_thatSignalIsReported() {
    ExitDiagnosis diagnosis = ExitDiagnosis.of(WorkerExit.fromStatus(134), "", SETTINGS);

    assertThat(diagnosis.message()).isEqualTo("simulation crashed (signal 6)");
  }

  @Test
  void theCpuLimitSignal_isAResourceLimit() {
    ExitDiagnosis diagnosis = ExitDiagnosis.of(WorkerExit.fromStatus(128 + 24), "", SETTINGS);

    assertThat(diagnosis.cause()).isEqualTo(Cause.RESOURCE_LIMIT);
    assertThat(diagnosis.message()).isEqualTo("simulation used up its worker's 600 s of CPU time");
  }

  @Test
  void theFileSizeSignal_isAResourceLimit() {
    ExitDiagnosis diagnosis = ExitDiagnosis.of(WorkerExit.fromStatus(128 + 25), "", SETTINGS);

    assertThat(diagnosis.cause()).isEqualTo(Cause.RESOURCE_LIMIT);
    assertThat(diagnosis.message()).isEqualTo("simulation wrote a file larger than 64 MiB");
  }

  @Test
  void anOutOfMemoryExit_isAResourceLimit() {
    String output = "Terminating due to java.lang.OutOfMemoryError: Java heap space\n";

    ExitDiagnosis diagnosis = ExitDiagnosis.of(WorkerExit.fromStatus(3), output, SETTINGS);

    assertThat(diagnosis.cause()).isEqualTo(Cause.RESOURCE_LIMIT);
    assertThat(diagnosis.message()).isEqualTo("simulation ran out of memory (limit 2048 MiB)");
  }

  @Test
  void aJvmThatCannotMapMemory_isAResourceLimit() {
    String output =
        "# There is insufficient memory for the Java Runtime Environment to continue.\n";

    assertThat(ExitDiagnosis.of(WorkerExit.fromStatus(1), output, SETTINGS).cause())
        .isEqualTo(Cause.RESOURCE_LIMIT);
  }

  @Test
  void noMoreThreads_isTheProcessLimit() {
    String output =
        "java.lang.OutOfMemoryError: unable to create native thread: possibly out of"
            + " memory or process/resource limits reached";

    ExitDiagnosis diagnosis = ExitDiagnosis.of(WorkerExit.fromStatus(3), output, SETTINGS);

    assertThat(diagnosis.message())
        .isEqualTo("simulation reached the limit of 512 processes and threads");
  }

  @Test
  void aPlainExit_isACrashNamingItsCode() {
    ExitDiagnosis diagnosis = ExitDiagnosis.of(WorkerExit.fromStatus(0), "", SETTINGS);

    assertThat(diagnosis.cause()).isEqualTo(Cause.CRASHED);
    assertThat(diagnosis.message())
        .isEqualTo("simulation worker exited unexpectedly (exit code 0)");
    assertThat(diagnosis.exit().code()).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void aWorkerThatHungUpButLives_stoppedAnswering() {
    assertThat(ExitDiagnosis.of(WorkerExit.UNKNOWN, "", SETTINGS).message())
        .isEqualTo("simulation worker stopped answering");
  }
}
