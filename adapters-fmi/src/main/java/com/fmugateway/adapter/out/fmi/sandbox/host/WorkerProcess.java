package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.pool.PoolKey;
import com.fmugateway.adapter.out.fmi.sandbox.pool.PooledWorker;
import com.fmugateway.adapter.out.fmi.sandbox.wire.Frames;
import com.fmugateway.adapter.out.fmi.sandbox.wire.ProtocolException;
import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WireCodec;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WorkerResponse;
import com.fmugateway.domain.simulation.model.ResultLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One live worker: its process tree, its connection, the key it was claimed by, and how much it has
 * served. Used by one run at a time; {@link #kill()} may come from any thread.
 */
public final class WorkerProcess implements PooledWorker {

  /** Lets the worker's own guard report a timeout, with the FMU's log, before it is killed. */
  static final Duration TIMEOUT_GRACE = Duration.ofSeconds(1);

  /** Longer than any plan allows; keeps the alarm's nanoseconds from overflowing. */
  private static final Duration LONGEST_RUN = Duration.ofDays(365);

  private final int slot;
  private final WorkerLayout layout;
  private final Process process;
  private final ProcessTree tree;
  private final SocketChannel channel;
  private final OutputTail console;
  private final ScheduledExecutorService watchdog;
  private final Duration startup;
  private final boolean spare;
  private final Optional<ProcStat.Open> stat;
  private volatile PoolKey key;
  private volatile boolean expired;
  private volatile ScheduledFuture<?> alarm;
  private long lastMessageBytes;
  private CompletableFuture<Void> gone;
  private long consoleMark;
  private int runs;
  private long idleSince = System.nanoTime();

  WorkerProcess(
      int slot,
      WorkerLayout layout,
      ProcessTree tree,
      SocketChannel channel,
      OutputTail console,
      ScheduledExecutorService watchdog,
      Duration startup,
      boolean spare) {
    this.slot = slot;
    this.layout = layout;
    this.process = tree.process();
    this.tree = tree;
    this.channel = channel;
    this.console = console;
    this.watchdog = watchdog;
    this.startup = startup;
    this.spare = spare;
    this.stat = tree.jvm().flatMap(jvm -> ProcStat.Open.of(jvm.pid()));
  }

  @Override
  public synchronized void claim(PoolKey claimant) {
    if (key != null) {
      throw new IllegalStateException("the worker already belongs to " + key);
    }
    key = claimant;
  }

  @Override
  public void install(Path archive) throws IOException {
    if (key == null) {
      throw new IllegalStateException("an unclaimed worker gets no FMU");
    }
    layout.install(archive);
  }

  /**
   * Sends one run and reads its messages up to its end or failure, for tests: the samples are
   * dropped.
   */
  WorkerResponse exchange(RunRequest request, long maxResponseBytes) throws IOException {
    send(request, ResultLayout.ROWS);
    return readToEnd(maxResponseBytes);
  }

  /**
   * A run of our own before the worker is anybody's, read to its end like {@link #exchange}; not
   * counted among the worker's runs.
   */
  WorkerResponse warmUp(RunRequest request, ResultLayout layout, long maxResponseBytes)
      throws IOException {
    start(request, layout);
    return readToEnd(maxResponseBytes);
  }

  private WorkerResponse readToEnd(long maxResponseBytes) throws IOException {
    try {
      while (true) {
        WorkerResponse response = receive(maxResponseBytes);
        if (!(response instanceof WorkerResponse.Samples)) {
          return response;
        }
      }
    } finally {
      endRun();
    }
  }

  /**
   * Sends one run, its result wanted in {@code layout}, and arms the alarm that kills the worker
   * once the plan's timeout (plus {@link #TIMEOUT_GRACE}) has passed before {@link #endRun()}: the
   * limit covers handing the result over too.
   */
  void send(RunRequest request, ResultLayout layout) throws IOException {
    runs++;
    start(request, layout);
  }

  private void start(RunRequest request, ResultLayout layout) throws IOException {
    consoleMark = console.totalBytes();
    Duration limit = request.timeout().compareTo(LONGEST_RUN) > 0 ? LONGEST_RUN : request.timeout();
    alarm =
        watchdog.schedule(this::expire, limit.plus(TIMEOUT_GRACE).toNanos(), TimeUnit.NANOSECONDS);
    Frames.write(channel, WireCodec.encodeRequest(request, layout));
  }

  /**
   * The run's next message.
   *
   * @throws Frames.FrameTooLargeException when it exceeds {@code maxBytes}
   * @throws ProtocolException when the worker sends something that is not a response
   * @throws IOException when the worker goes away; {@link #expired()} tells whether we killed it
   */
  WorkerResponse receive(long maxBytes) throws IOException {
    ByteBuffer message = Frames.read(channel, maxBytes);
    lastMessageBytes = message.remaining();
    return WireCodec.decodeResponse(message);
  }

  /** Size of the message {@link #receive} read last. */
  long lastMessageBytes() {
    return lastMessageBytes;
  }

  /** The run is over, however it went: the alarm is disarmed. */
  void endRun() {
    ScheduledFuture<?> armed = alarm;
    if (armed != null) {
      armed.cancel(false);
    }
  }

  /**
   * Waits for a worker that closed its connection to exit, killing it if it does not within {@code
   * limit}, and reads the console output of the last run.
   */
  ExitDiagnosis diagnose(Duration limit, SandboxSettings settings) throws InterruptedException {
    WorkerExit exit;
    try {
      exit =
          WorkerExit.fromStatus(
              process.onExit().get(limit.toNanos(), TimeUnit.NANOSECONDS).exitValue());
    } catch (TimeoutException | ExecutionException e) {
      exit = WorkerExit.UNKNOWN;
    }
    kill();
    console.awaitEnd(limit);
    return ExitDiagnosis.of(exit, console.textSince(consoleMark), settings);
  }

  /** Kills the worker with all its descendants; idempotent, and never blocks. */
  synchronized void kill() {
    if (gone != null) {
      return;
    }
    gone = tree.kill().thenRun(() -> {});
    stat.ifPresent(ProcStat.Open::close);
    try {
      channel.close();
    } catch (IOException e) {
      // Closing only unblocks a pending read; the process is gone either way.
    }
  }

  /** Kills the worker; completes once all its processes have exited (see {@link ProcessTree}). */
  @Override
  public synchronized CompletableFuture<Void> killAndAwaitExit() {
    kill();
    return gone;
  }

  private synchronized boolean killed() {
    return gone != null;
  }

  boolean expired() {
    return expired;
  }

  @Override
  public boolean alive() {
    return !killed() && process.isAlive();
  }

  @Override
  public Optional<PoolKey> key() {
    return Optional.ofNullable(key);
  }

  /** Whether it was started ahead of need, as a spare, rather than for the run that claimed it. */
  public boolean preStarted() {
    return spare;
  }

  @Override
  public int slot() {
    return slot;
  }

  WorkerLayout layout() {
    return layout;
  }

  @Override
  public int runs() {
    return runs;
  }

  public Duration startup() {
    return startup;
  }

  @Override
  public void markIdle() {
    idleSince = System.nanoTime();
  }

  @Override
  public boolean idleLongerThan(Duration limit) {
    return System.nanoTime() - idleSince > limit.toNanos();
  }

  /** When the worker last became idle, in {@link System#nanoTime()}. */
  @Override
  public long idleSince() {
    return idleSince;
  }

  /** The process the gateway started: bubblewrap, or the JVM itself without it. */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /** The worker's JVM, inside bubblewrap a grandchild of {@link #process()}. */
  public Optional<ProcessHandle> jvm() {
    return tree.jvm();
  }

  /** What the JVM has used so far, from one read of its /proc/PID/stat, held open. */
  @Override
  public Usage usage() {
    return stat.map(ProcStat.Open::read).orElse(ProcStat.NONE);
  }

  /** Removes the worker's private folder; for a worker that has exited. */
  @Override
  public void deleteFolder() {
    layout.delete();
  }

  private void expire() {
    expired = true;
    kill();
  }
}
