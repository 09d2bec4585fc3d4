package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerStarter;
import com.fmugateway.adapter.out.fmi.sandbox.wire.Frames;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WireCodec;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts workers: lays out a private folder, listens on a fresh socket in it, starts the worker
 * command and waits until the worker has connected and said hello. A spare is then warmed up with
 * one run of our own library FMU, so that a customer's first run finds its classes loaded and
 * compiled.
 */
public final class WorkerLauncher implements WorkerStarter<WorkerProcess> {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How often a start checks that the worker has not died before connecting. */
  private static final long LIVENESS_POLL_MILLIS = 50;

  /** How long a worker that failed to start is given to exit after SIGKILL. */
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

  private final SandboxSettings settings;
  private final WorkerCommand command;
  private final Path workersDir;
  private final ScheduledExecutorService watchdog;
  private final ExecutorService spawner;
  private final boolean confined;
  private final Optional<Path> warmUp;
  private final AtomicLong started = new AtomicLong();

  /**
   * Tells this launcher's worker folders from those of another gateway (or test context) sharing
   * the data folder, whose serials also start at 1. Short: the socket path must stay under 108
   * bytes.
   */
  private final String launcherId =
      Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);

  WorkerLauncher(
      SandboxSettings settings,
      WorkerCommand command,
      Path workersDir,
      ScheduledExecutorService watchdog,
      ExecutorService spawner,
      boolean confined,
      Optional<Path> warmUp) {
    this.settings = settings;
    this.command = command;
    this.workersDir = workersDir;
    this.watchdog = watchdog;
    this.spawner = spawner;
    this.confined = confined;
    this.warmUp = warmUp;
  }

  /** The launcher for the host and folders {@code startup} prepared. */
  static WorkerLauncher of(
      SandboxSettings settings,
      SandboxStartup startup,
      ScheduledExecutorService watchdog,
      ExecutorService spawner) {
    return new WorkerLauncher(
        settings,
        startup.command(),
        startup.workersDir(),
        watchdog,
        spawner,
        startup.host().confines(),
        startup.warmUp());
  }

  /** A short name: the socket path must fit the 108 bytes of {@code sockaddr_un}. */
  Path dirFor(int slot, long serial) {
    return workersDir.resolve("w" + slot + "-" + launcherId + Long.toString(serial, 36));
  }

  @Override
  public WorkerProcess start(int slot, boolean spare) throws IOException {
    WorkerProcess worker = launch(slot, spare);
    if (spare && warmUp.isPresent()) {
      try {
        WarmUp.run(worker, warmUp.get());
      } catch (IOException | RuntimeException e) {
        // The pool frees the slot, and with it the uid, as soon as this returns.
        awaitExit(worker.killAndAwaitExit());
        worker.deleteFolder();
        throw e;
      }
    }
    return worker;
  }

  private WorkerProcess launch(int slot, boolean spare) throws IOException {
    long begin = System.nanoTime();
    WorkerLayout layout = WorkerLayout.create(dirFor(slot, started.incrementAndGet()), confined);
    Process process = null;
    OutputTail console = null;
    SocketChannel channel = null;
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(layout.socket()));
      allowWorker(layout, command.uid(slot));
      ProcessBuilder builder =
          new ProcessBuilder(command.build(layout, slot))
              .directory(layout.tmp().toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> environment = builder.environment();
      environment.clear();
      for (String variable : WorkerCommand.ENVIRONMENT) {
        int equals = variable.indexOf('=');
        environment.put(variable.substring(0, equals), variable.substring(equals + 1));
      }
      process = spawn(builder);
      console =
          OutputTail.drain(
              process.getInputStream(),
              (int) settings.maxLogBytes(),
              "fmu-worker-console-" + process.pid());
      channel = accept(server, process, console, begin);
      hello(process, channel, begin);
      return new WorkerProcess(
          slot,
          layout,
          ProcessTree.of(process, confined),
          channel,
          console,
          watchdog,
          Duration.ofNanos(System.nanoTime() - begin),
          spare);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      if (process != null) {
        awaitExit(ProcessTree.killAll(process));
      }
      layout.delete();
      if (e instanceof WorkerStartException) {
        throw e;
      }
      throw new WorkerStartException(
          "the worker could not be started: " + e, console == null ? "" : console.textSince(0), e);
    } finally {
      Files.deleteIfExists(layout.socket());
    }
  }

  /**
   * Inside bubblewrap the socket folder is bound on its own, so only its own mode and the socket's
   * owner matter to the worker's uid; on the host both stay behind the 0700 worker dir.
   */
  private static void allowWorker(WorkerLayout layout, OptionalInt uid) throws IOException {
    Files.setPosixFilePermissions(layout.socketDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
    if (uid.isPresent()) {
      Files.setAttribute(layout.socket(), "unix:uid", uid.getAsInt());
      Files.setAttribute(layout.socket(), "unix:gid", uid.getAsInt());
    }
  }

  private static SocketChannel accept(
      ServerSocketChannel server, Process process, OutputTail console, long begin)
      throws IOException {
    server.configureBlocking(false);
    try (Selector selector = Selector.open()) {
      server.register(selector, SelectionKey.OP_ACCEPT);
      while (true) {
        SocketChannel channel = server.accept();
        if (channel != null) {
          channel.configureBlocking(true);
          return channel;
        }
        if (Thread.currentThread().isInterrupted()) {
          // A cancelled run: select() would return at once from now on, and never block.
          throw new InterruptedIOException("interrupted while waiting for the worker");
        }
        if (!process.isAlive()) {
          WorkerExit exit = WorkerExit.fromStatus(process.exitValue());
          throw new WorkerStartException(
              "the worker ended before connecting (" + exit + ")", finalOutput(console));
        }
        if (System.nanoTime() - begin > START_TIMEOUT.toNanos()) {
          throw new WorkerStartException(
              "the worker did not connect within " + START_TIMEOUT.toSeconds() + " s",
              console.textSince(0));
        }
        selector.select(LIVENESS_POLL_MILLIS);
      }
    }
  }

  /**
   * Starts the process on {@link SandboxThreads#spawner()}'s thread, which outlives every worker
   * (see there). Waits for it even when interrupted, so that a process started meanwhile is not
   * lost: the caller sees the interrupt once it has the process.
   */
  private Process spawn(ProcessBuilder builder) throws IOException {
    Future<Process> started = spawner.submit(builder::start);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return started.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("the worker could not be started", e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void hello(Process process, SocketChannel channel, long begin) throws IOException {
    long left = START_TIMEOUT.toNanos() - (System.nanoTime() - begin);
    ScheduledFuture<?> alarm =
        watchdog.schedule(() -> ProcessTree.killAll(process), left, TimeUnit.NANOSECONDS);
    try {
      WireCodec.checkHello(Frames.read(channel, 64));
    } finally {
      alarm.cancel(false);
    }
  }

  /**
   * Waits briefly for a worker that failed to start, so its slot's uid is free again and nothing
   * writes to its folder any more; an interrupt (the sandbox closing) waits too, and is kept.
   */
  private static void awaitExit(CompletableFuture<?> exit) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
    try {
      while (true) {
        try {
          exit.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
          // Killed with SIGKILL; it will go.
          return;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String finalOutput(OutputTail console) {
    try {
      console.awaitEnd(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return console.textSince(0);
  }
}
