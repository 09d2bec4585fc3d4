package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildStopTest {

  @Test
  void aStoppedChildIsStoppedWhenStopReturnsAndStillDiesOfSigkill() throws Exception {
    Process child = new ProcessBuilder("sleep", "600").start();
    try {
      assertThat(ChildStop.stop(child)).isTrue();

      assertThat(LeftoverProcesses.stat(child.toHandle()))
          .as("/proc/PID/stat from the state on")
          .hasValueSatisfying(stat -> assertThat(stat).startsWith("T"));
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("128 + SIGKILL").isEqualTo(137);
  }

  @Test
  void aChildThatHasExitedIsNotStopped() throws Exception {
    Process child = new ProcessBuilder("true").start();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(ChildStop.stop(child)).isFalse();
  }
}
