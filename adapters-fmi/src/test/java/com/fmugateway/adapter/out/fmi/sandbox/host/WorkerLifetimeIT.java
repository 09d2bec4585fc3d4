package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers are started on whatever thread needs one: a run's, a stream's, the spares'. Those pools
 * let idle threads end; a worker must not end with them. (bubblewrap's {@code --die-with-parent}
 * follows the thread that started it: a worker started on a thread that then ended was killed, and
 * a run on it failed as "simulation crashed (signal 9)".)
 */
class WorkerLifetimeIT {

  private static final String STARTER = "fmugw-starter";

  @TempDir Path workDir;

  @Test
  void aWorkerOutlivesTheThreadThatAskedForIt() throws Exception {
    SandboxSettings settings = SandboxSettings.defaults(workDir);
    SandboxStartup startup = SandboxStartup.prepare(settings, SandboxHost.detect());
    assertThat(startup.host().confines())
        .as("bubblewrap must be installed and usable: it is what kills a worker with its parent")
        .isTrue();
    ScheduledExecutorService watchdog = SandboxThreads.watchdog();
    ExecutorService spawner = SandboxThreads.spawner();
    WorkerLauncher launcher = WorkerLauncher.of(settings, startup, watchdog, spawner);
    CompletableFuture<WorkerProcess> started = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                started.complete(launcher.start(0, false));
              } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
              }
            },
            STARTER);

    starter.start();
    WorkerProcess worker = started.get(Workers.WAIT.toSeconds(), TimeUnit.SECONDS);
    try {
      starter.join();
      // Gone from the kernel's task list: past the point where it signals what it started.
      await().atMost(Duration.ofSeconds(10)).until(() -> !threadNamed(STARTER));

      assertThat(worker.alive()).as("the worker, after its starting thread ended").isTrue();
      Workers.assertRunsBouncingBall(worker);
    } finally {
      worker.killAndAwaitExit().get(Workers.WAIT.toSeconds(), TimeUnit.SECONDS);
      watchdog.shutdownNow();
      spawner.shutdown();
    }
  }

  /** Whether a thread of this JVM has that (native) name: Linux's view, not the JVM's. */
  private static boolean threadNamed(String name) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.anyMatch(task -> name.equals(comm(task)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).trim();
    } catch (IOException e) {
      return ""; // the task ended while we listed
    }
  }
}
