package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildStopTest {

  @Test
  void aStoppedChildIsStoppedWhenStopReturnsAndStillDiesOfSigkill() throws Exception {
    Process child = new ProcessBuilder("sleep", "600").start();
    try {
      assertThat(ChildStop.stop(child)).isTrue();

      assertThat(state(child)).as("state in /proc/PID/stat").isEqualTo('T');
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

  private static char state(Process process) throws Exception {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 1).strip().charAt(0);
  }
}
