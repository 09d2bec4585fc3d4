package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.worker.ProcessFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a simulator needs before its first run, checked at start-up, so that a host that cannot
 * confine FMUs fails loudly then rather than on every run.
 *
 * @param host the host as it turned out to be: bubblewrap is dropped if it cannot work here
 * @param workersDir where the workers' private folders go
 * @param warmUp our own FMU that spares run once before they are claimed, if the class path has it
 */
record SandboxStartup(
    SandboxHost host, WorkerCommand command, Path workersDir, Optional<Path> warmUp) {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxedSimulator.class);

  /**
   * {@code sockaddr_un} holds 108 bytes with the terminating zero; below the work folder, a
   * worker's socket takes up to 45 ({@code /workers/<pid>/w<slot>-<id><serial>/sock/gateway.sock}).
   */
  private static final int MAX_WORK_DIR_BYTES = 60;

  /** How long the trivial sandbox of {@link #probe} may take. */
  static final Duration PROBE_LIMIT = Duration.ofSeconds(10);

  /** The last bytes of its output kept for the message when it fails. */
  private static final int PROBE_OUTPUT_BYTES = 4096;

  private static final Duration PROBE_OUTPUT_WAIT = Duration.ofSeconds(1);

  static SandboxStartup prepare(SandboxSettings settings, SandboxHost detected) {
    SandboxHost host = checked(settings, detected);
    Path workDir = settings.workDir().toAbsolutePath().normalize();
    if (workDir.toString().getBytes(StandardCharsets.UTF_8).length > MAX_WORK_DIR_BYTES) {
      throw new IllegalArgumentException(
          "the sandbox workDir path must be at most "
              + MAX_WORK_DIR_BYTES
              + " bytes long, for the Unix sockets in it: "
              + workDir);
    }
    try {
      Files.createDirectories(workDir);
      Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx------"));
      Path allWorkers = workDir.resolve("workers");
      Files.createDirectories(allWorkers);
      removeLeftovers(allWorkers);
      // One folder per gateway process: another gateway (or test context) may share the data
      // folder, and its workers' folders are not ours to delete.
      Path workersDir = allWorkers.resolve(Long.toString(ProcessHandle.current().pid(), 36));
      Files.createDirectories(workersDir);
      WorkerClasspath classpath =
          WorkerClasspath.resolve(
              SandboxStartup.class.getClassLoader(), workDir.resolve("classpath"));
      return new SandboxStartup(
          host,
          new WorkerCommand(settings, host, classpath),
          workersDir,
          WarmUp.install(SandboxStartup.class.getClassLoader(), workDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox in " + workDir, e);
    }
  }

  /**
   * Deletes the worker folders of gateway processes that have ended: their workers are dead by now.
   * A folder of a process still running (this one's included) is left alone.
   */
  private static void removeLeftovers(Path allWorkers) throws IOException {
    try (Stream<Path> folders = Files.list(allWorkers)) {
      for (Path folder : folders.toList()) {
        if (!ownedByARunningProcess(folder.getFileName().toString())) {
          new WorkerLayout(folder, false).delete();
        }
      }
    }
  }

  private static boolean ownedByARunningProcess(String name) {
    try {
      return ProcessHandle.of(Long.parseLong(name, 36)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static SandboxHost checked(SandboxSettings settings, SandboxHost host) {
    Optional<String> problem =
        host.bubblewrap().isEmpty()
            ? Optional.of("bubblewrap (bwrap) is not installed")
            : probe(host).map(output -> "bubblewrap cannot create a sandbox here: " + output);
    if (problem.isPresent()) {
      if (settings.requireBubblewrap()) {
        throw new IllegalStateException(
            problem.get()
                + "; install bubblewrap, or set requireBubblewrap=false to run FMUs with"
                + " resource limits only");
      }
      LOG.warn(
          "FMUs run WITHOUT isolation: {}. Workers still get resource limits, an empty"
              + " environment and timeouts, but uploaded native code can read what the gateway"
              + " can read and reach the network. Install bubblewrap.",
          problem.get());
      return host.withoutBubblewrap();
    }
    if (ProcessFilter.supported().isEmpty()) {
      LOG.warn(
          "FMUs may start processes: the workers' seccomp filter knows x86_64 and aarch64, not {};"
              + " only the process limit ({}) bounds them",
          System.getProperty("os.arch"),
          settings.maxProcesses());
    }
    if (host.root() && host.setpriv().isEmpty()) {
      String message =
          "setpriv (util-linux) is not installed, so workers would run as root: without"
              + " capabilities, but exempt from the process limit";
      if (settings.requireBubblewrap()) {
        throw new IllegalStateException(message + "; install util-linux");
      }
      LOG.warn("{}. Install util-linux.", message);
    }
    return host;
  }

  /** Runs a trivial sandbox: containers often lack the rights bubblewrap needs. */
  private static Optional<String> probe(SandboxHost host) {
    List<String> command =
        List.of(
            host.bubblewrap().orElseThrow().toString(),
            "--unshare-net",
            "--unshare-pid",
            "--unshare-ipc",
            "--die-with-parent",
            "--ro-bind",
            "/",
            "/",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--",
            "/bin/sh",
            "-c",
            "exit 0");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // Read on a thread of its own: a sandbox that hangs keeps its output open, and reading it
      // here would never come to the time limit.
      OutputTail output =
          OutputTail.drain(process.getInputStream(), PROBE_OUTPUT_BYTES, "fmugw-sandbox-probe");
      if (!process.waitFor(PROBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        // Not only bubblewrap's first process: one stuck setting up may have cloned the next.
        ProcessTree.killAll(process);
        return Optional.of(
            "a test sandbox did not finish within " + PROBE_LIMIT.toSeconds() + " s");
      }
      output.awaitEnd(PROBE_OUTPUT_WAIT);
      return process.exitValue() == 0 ? Optional.empty() : Optional.of(output.textSince(0).strip());
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while testing it");
    }
  }
}
