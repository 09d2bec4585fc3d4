package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.adapter.out.fmi.sandbox.pool.PoolKey;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerSnapshot;
import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WorkerResponse;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Looks at a simulator's worker processes from the outside, through /proc. */
final class Workers {

  static final Duration WAIT = Duration.ofSeconds(30);

  /** Claims {@code worker} for a new key and runs the bouncing ball on it, which must complete. */
  static void assertRunsBouncingBall(WorkerProcess worker) throws IOException {
    worker.claim(new PoolKey(Optional.of(AccountId.random()), new Sha256("0".repeat(64))));
    worker.install(Jobs.archive("BouncingBall"));
    RunRequest request =
        RunRequest.of(
            worker.layout().archiveForWorker(), Jobs.bouncingBall(FmuInterface.CO_SIMULATION));
    assertThat(worker.exchange(request, 1 << 20)).isInstanceOf(WorkerResponse.Completed.class);
  }

  private Workers() {}

  /** The one busy worker, once its JVM is up. */
  static WorkerSnapshot awaitBusy(SandboxedSimulator simulator) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                simulator.workers().stream()
                    .filter(w -> w.busy() && w.jvm().isPresent())
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** The only worker, busy or idle. */
  static WorkerSnapshot only(SandboxedSimulator simulator) {
    List<WorkerSnapshot> workers = simulator.workers();
    if (workers.size() != 1) {
      throw new AssertionError("expected one worker, found " + workers);
    }
    return workers.get(0);
  }

  static long jvmPid(WorkerSnapshot worker) {
    return worker.jvm().orElseThrow(() -> new AssertionError("no JVM in " + worker)).pid();
  }

  /** The process the gateway started and all its descendants, as they are now. */
  static List<ProcessHandle> tree(WorkerSnapshot worker) {
    return Stream.concat(Stream.of(worker.process()), worker.process().descendants()).toList();
  }

  /** Waits for every process to exit; true if all did within {@link #WAIT}. */
  static boolean allExit(List<ProcessHandle> processes) {
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        return false;
      }
    }
    return processes.stream().noneMatch(ProcessHandle::isAlive);
  }

  static List<String> environment(long pid) {
    String environ = read(Path.of("/proc", Long.toString(pid), "environ"));
    return Arrays.stream(environ.split("\0")).filter(s -> !s.isEmpty()).toList();
  }

  static String proc(long pid, String file) {
    return read(Path.of("/proc", Long.toString(pid), file));
  }

  /** The line of /proc/PID/status or /proc/PID/limits that starts with {@code prefix}. */
  static String line(String text, String prefix) {
    return text.lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + text));
  }

  static String namespace(String pid, String kind) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", pid, "ns", kind)).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
