package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed while bubblewrap is still setting up leaves nothing behind. bubblewrap's first
 * process clones the one that becomes the sandbox's init, which then waits, on an eventfd, for the
 * first one's go-ahead, and binds itself to its parent's life only after that: a first process
 * killed in between left that clone waiting forever, re-parented to init and no longer a descendant
 * of the gateway.
 */
class StartingSandboxKillIT {

  private static final int ATTEMPTS = 300;
  private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
  private static final Duration BOUND = Duration.ofSeconds(10);

  /** A slot no simulator in this JVM uses (see ForkBombContainmentIT's). */
  private static final int SLOT = 56;

  @TempDir Path workDir;

  @Test
  void aSandboxKilledAtAnyMomentOfItsSetUpLeavesNoProcess() throws Exception {
    // A worker's own confinement, as a gateway not run as root gets it: bubblewrap then also makes
    // a user namespace and writes its id maps between the clone and the go-ahead. Without the fix,
    // 20 of 300 sandboxes were left; as root, with no user namespace, 1 of 300.
    SandboxHost detected = SandboxHost.detect();
    SandboxHost notRoot =
        new SandboxHost(detected.java(), detected.bubblewrap(), detected.setpriv(), false);
    SandboxStartup startup = SandboxStartup.prepare(Settings.in(workDir).build(), notRoot);
    WorkerLayout layout = WorkerLayout.create(startup.workersDir().resolve("kill"), true);
    layout.install(Jobs.archive("BouncingBall"));
    // The clone's command line is bubblewrap's, so the marker, the shell's $0, is in both.
    String marker = "fmugw-kill-" + UUID.randomUUID();
    List<String> command = new ArrayList<>(startup.command().confinement(layout, SLOT));
    command.addAll(List.of("/bin/sh", "-c", "exec sleep 600", marker));
    LeftoverProcesses leftovers =
        LeftoverProcesses.snapshot()
            .orAnywhere(
                p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false));

    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Process sandbox = new ProcessBuilder(command).redirectErrorStream(true).start();
      // Spins, not sleeps: a spread of moments over the start, microseconds apart. bubblewrap
      // clones some milliseconds in, after the shell that sets the limits has executed it.
      long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(MAX_DELAY_NANOS);
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      ProcessTree.killAll(sandbox).get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    List<ProcessHandle> left = leftovers.awaitGone(BOUND);
    String described = LeftoverProcesses.describe(left);
    left.forEach(ProcessHandle::destroyForcibly);
    assertThat(left).as("processes of killed sandboxes still running: %s", described).isEmpty();
  }
}
