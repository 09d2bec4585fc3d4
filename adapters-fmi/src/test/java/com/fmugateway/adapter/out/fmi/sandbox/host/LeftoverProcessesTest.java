package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leftover check the fork bomb test relies on finds what it must find: otherwise that test
 * would pass however many processes the sandbox let escape.
 */
class LeftoverProcessesTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  @Test
  void aChildStartedAfterTheSnapshotIsLeftOverUntilItExits() throws Exception {
    LeftoverProcesses leftovers = LeftoverProcesses.snapshot();
    Process child = new ProcessBuilder("sleep", "600").start();
    try {
      assertThat(leftovers.now()).contains(child.toHandle());
    } finally {
      child.destroyForcibly();
    }
    assertThat(leftovers.awaitGone(BOUND)).isEmpty();
  }

  @Test
  void anOrphanNamedLikeAForkBombChildIsFoundThoughItIsNoLongerADescendant(@TempDir Path dir)
      throws Exception {
    // The kernel names a process after its executable, so a copy of sleep runs as hostile-fork.
    Path named = dir.resolve(LeftoverProcesses.FORK_BOMB_CHILD);
    Files.copy(Path.of("/bin/sleep"), named, StandardCopyOption.COPY_ATTRIBUTES);
    LeftoverProcesses leftovers = LeftoverProcesses.snapshot();
    ProcessHandle orphan = startOrphan(named);
    try {
      assertThat(ProcessHandle.current().descendants()).doesNotContain(orphan);
      assertThat(leftovers.now()).contains(orphan);
    } finally {
      orphan.destroyForcibly();
    }
    assertThat(leftovers.awaitGone(BOUND)).isEmpty();
  }

  /** Starts {@code executable 600} from a shell that exits at once, leaving it to init. */
  private static ProcessHandle startOrphan(Path executable)
      throws IOException, InterruptedException {
    Process shell =
        new ProcessBuilder(
                "sh", "-c", "\"$0\" 600 >/dev/null 2>&1 & echo $!", executable.toString())
            .start();
    String pid;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
      pid = out.readLine();
    }
    assertThat(shell.waitFor()).isZero();
    Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(pid.strip()));
    assertThat(orphan).as("the orphan %s runs", pid).isPresent();
    awaitExecuted(orphan.get(), executable);
    return orphan.get();
  }

  /**
   * The shell prints the pid as soon as it forks; the child takes its new name only once it has
   * executed {@code executable}. Waits for that (bounded), so the name is not looked up too early.
   */
  private static void awaitExecuted(ProcessHandle process, Path executable)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    while (!process.info().command().map(executable.toString()::equals).orElse(false)) {
      assertThat(Instant.now()).as("%s executed %s", process.pid(), executable).isBefore(deadline);
      Thread.sleep(5);
    }
  }
}
