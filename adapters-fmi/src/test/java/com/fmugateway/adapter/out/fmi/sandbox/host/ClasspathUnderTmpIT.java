package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inside a Spring Boot jar the worker's jars are extracted into the work dir, which may well lie
 * under /tmp, where the worker has a tmpfs of its own.
 */
class ClasspathUnderTmpIT {

  @TempDir Path workDir;

  @Test
  void aWorkerWhoseJarsLieUnderTmp_stillFindsThem() throws Exception {
    WorkerClasspath copied = copyUnder(workDir.resolve("classpath"));
    SandboxSettings settings = Settings.in(workDir).build();
    SandboxHost host = SandboxHost.detect();
    ScheduledExecutorService watchdog = SandboxThreads.watchdog();
    ExecutorService spawner = SandboxThreads.spawner();
    WorkerLauncher launcher =
        new WorkerLauncher(
            settings,
            new WorkerCommand(settings, host, copied),
            Files.createDirectories(workDir.resolve("workers")),
            watchdog,
            spawner,
            host.confines(),
            Optional.empty());

    WorkerProcess worker = launcher.start(0, false);
    try {
      Workers.assertRunsBouncingBall(worker);
    } finally {
      worker.killAndAwaitExit().get(Workers.WAIT.toSeconds(), TimeUnit.SECONDS);
      watchdog.shutdownNow();
      spawner.shutdown();
    }
  }

  private static WorkerClasspath copyUnder(Path dir) throws IOException {
    WorkerClasspath original =
        WorkerClasspath.resolve(ClasspathUnderTmpIT.class.getClassLoader(), dir);
    List<Path> copies = new ArrayList<>();
    for (Path entry : original.entries()) {
      Path copy = dir.resolve(copies.size() + "-" + entry.getFileName());
      try (Stream<Path> files = Files.walk(entry)) {
        for (Path file : files.toList()) {
          Path target = copy.resolve(entry.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
          }
        }
      }
      copies.add(copy);
    }
    assertThat(dir.toString()).startsWith("/tmp/");
    return new WorkerClasspath(copies);
  }
}
