package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A worker killed while bubblewrap is still setting up leaves nothing behind. bubblewrap's first
 * process clones the one that becomes the sandbox's init, which then waits, on an eventfd, for the
 * first one's go-ahead, and binds itself to its parent's life only after that: a first process
 * killed in between left that clone waiting forever, re-parented to init and no longer a descendant
 * of the gateway.
 */
class StartingSandboxKillIT {

  private static final int ATTEMPTS = 300;
  private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
  private static final Duration BOUND = Duration.ofSeconds(10);

  @Test
  void aSandboxKilledAtAnyMomentOfItsSetUpLeavesNoProcess() throws Exception {
    Path bubblewrap = SandboxHost.detect().bubblewrap().orElseThrow();
    String marker = "fmugw-kill-" + UUID.randomUUID();
    List<String> command =
        List.of(
            bubblewrap.toString(),
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--ro-bind",
            "/",
            "/",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--setenv",
            "FMUGW_MARKER",
            marker,
            "--",
            "/bin/sleep",
            "600");
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Process sandbox = new ProcessBuilder(command).redirectErrorStream(true).start();
      // Spins, not sleeps: a spread of moments through bubblewrap's set-up, microseconds apart.
      long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(MAX_DELAY_NANOS);
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      ProcessTree.killAll(sandbox).get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(awaitGone(marker)).as("processes of killed sandboxes still running").isEmpty();
  }

  /** Every living process whose command line holds {@code marker}, once they are gone or later. */
  private static List<ProcessHandle> awaitGone(String marker) throws Exception {
    Instant deadline = Instant.now().plus(BOUND);
    List<ProcessHandle> left = withMarker(marker);
    while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
      try {
        CompletableFuture.anyOf(
                left.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
            .get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Looked at once more below.
      }
      left = withMarker(marker);
    }
    left.forEach(ProcessHandle::destroyForcibly);
    return left;
  }

  private static List<ProcessHandle> withMarker(String marker) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
        .toList();
  }
}
