package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up runs a trivial sandbox before trusting bubblewrap; a bubblewrap that cannot make one, or
 * hangs making one, is refused with what happened. Scripts stand in for bubblewrap here.
 */
class SandboxProbeTest {

  @TempDir Path dir;

  @Test
  void aBubblewrapThatCannotMakeASandbox_isRefusedWithWhatItSaid() throws Exception {
    Path bubblewrap = script("echo 'bwrap: No permissions to create new namespace' >&2; exit 1");

    assertThatThrownBy(() -> SandboxStartup.prepare(settings(), host(bubblewrap)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "bubblewrap cannot create a sandbox here: bwrap: No permissions to create new"
                + " namespace");
  }

  @Test
  void aBubblewrapThatHangs_isRefusedAfterTheLimit_andItsProcessesAreKilled() throws Exception {
    Path pids = dir.resolve("pids");
    Path bubblewrap = script("echo setting up; sleep 600 & echo $$ $! > " + pids + "; wait");

    assertThatThrownBy(() -> SandboxStartup.prepare(settings(), host(bubblewrap)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "a test sandbox did not finish within "
                + SandboxStartup.PROBE_LIMIT.toSeconds()
                + " s");

    for (String pid : Files.readString(pids).strip().split(" ")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .alias("process " + pid + " of the hanging sandbox ends")
          .until(
              () ->
                  ProcessHandle.of(Long.parseLong(pid))
                      .filter(LeftoverProcesses::running)
                      .isEmpty());
    }
  }

  private SandboxSettings settings() {
    SandboxSettings settings = Settings.in(dir.resolve("work")).build();
    assertThat(settings.requireBubblewrap()).as("the default").isTrue();
    return settings;
  }

  private static SandboxHost host(Path bubblewrap) {
    SandboxHost detected = SandboxHost.detect();
    return new SandboxHost(
        detected.java(), Optional.of(bubblewrap), detected.setpriv(), detected.root());
  }

  private Path script(String body) throws Exception {
    Path script = dir.resolve("bwrap");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
