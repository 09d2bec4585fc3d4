package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.pool.PoolKey;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerPool;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerSnapshot;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.port.out.RunPreparation;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.port.out.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Simulator that runs every FMU in a confined worker JVM, never in the gateway: bubblewrap where
 * installed, resource limits always, one worker per account and FMU, kept warm between runs.
 */
public final class SandboxedSimulator implements Simulator, RunPreparation, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxedSimulator.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final SandboxHost host;
  private final ThreadPoolExecutor runThreads;
  private final Scheduler scheduler;
  private final ScheduledThreadPoolExecutor watchdog;
  private final ExecutorService spawner;
  private final ThreadPoolExecutor spareStarts;
  private final WorkerPool<WorkerProcess> pool;
  private final SandboxRuns runs;
  private final FailureLog failures;

  public SandboxedSimulator(SandboxSettings settings) {
    this(settings, failure -> {});
  }

  /**
   * @param failures told about every failed run, for operators' failure analytics
   */
  public SandboxedSimulator(SandboxSettings settings, Consumer<SandboxFailure> failures) {
    this(settings, failures, SandboxHost.detect());
  }

  /** For tests that need to pretend bubblewrap is missing. */
  SandboxedSimulator(
      SandboxSettings settings, Consumer<SandboxFailure> failures, SandboxHost detected) {
    SandboxStartup startup = SandboxStartup.prepare(settings, detected);
    this.host = startup.host();
    this.failures = new FailureLog(failures, Clock.systemUTC());
    this.watchdog = SandboxThreads.watchdog();
    this.spawner = SandboxThreads.spawner();
    WorkerLauncher launcher = WorkerLauncher.of(settings, startup, watchdog, spawner);
    this.spareStarts = SandboxThreads.spareStarts();
    this.pool = new WorkerPool<>(settings, launcher, spareStarts, watchdog);
    this.runs = new SandboxRuns(settings, pool, this.failures);
    // One thread per worker: a run that holds a thread can always get a worker (WorkerPool).
    this.runThreads = SandboxThreads.runThreads(settings.maxWorkers(), settings.maxQueuedRuns());
    this.scheduler = Schedulers.fromExecutorService(runThreads, "fmu-sandbox");
    // Often enough that a spare replaces a worker soon after it has been idle SPARE_AFTER_IDLE.
    long tickMillis = Math.max(100, Math.min(1_000, settings.idleTimeout().toMillis() / 4));
    watchdog.scheduleWithFixedDelay(this::maintain, 0, tickMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the job on a worker of its key, on the sandbox's own threads: starting a worker, waiting
   * for it and reading its answer all block.
   */
  @Override
  public Mono<SimulationResult> simulate(SimulationJob job) {
    return Mono.fromCallable(() -> runs.run(job))
        .subscribeOn(scheduler)
        .onErrorMap(e -> !(e instanceof SimulationFailedException), e -> unexpected(job, e));
  }

  /**
   * Streams the job's result one worker message at a time, read only as demand asks: a slow
   * subscriber leaves the rest in the socket and the worker, never in the gateway. The reads block,
   * so they run on bounded elastic threads; cancelling kills the worker.
   */
  @Override
  public Flux<ResultPart> stream(SimulationJob job, ResultLayout layout) {
    return Flux.using(
            () -> runs.open(job, layout),
            reader ->
                Flux.<ResultPart>generate(
                    sink -> {
                      ResultPart part = reader.next();
                      sink.next(part);
                      if (part instanceof ResultPart.End) {
                        sink.complete();
                      }
                    }),
            SandboxRuns.Reader::close)
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(e -> !(e instanceof SimulationFailedException), e -> unexpected(job, e));
  }

  /**
   * Claims a ready spare for the account's new upload and makes a short first run of it there
   * ({@link FirstRun}), so that the customer's first run finds an idle worker with the FMU loaded.
   * Only when a spare is ready, the key has no worker yet and no run waits for a slot: this never
   * starts a worker nor delays a run. Completes once the worker is ready or has been let go, never
   * with an error; cancelling stops the waiting, not the preparation.
   */
  @Override
  public Mono<Void> prepare(AccountId account, FmuArtifact fmu) {
    Optional<SimulationPlan> plan = FirstRun.of(fmu.description());
    if (plan.isEmpty()) {
      return Mono.empty();
    }
    SimulationJob job = new SimulationJob(account, fmu, plan.get());
    CompletableFuture<Boolean> prepared;
    try {
      prepared = CompletableFuture.supplyAsync(() -> runs.prepare(job), runThreads);
    } catch (RejectedExecutionException e) {
      return Mono.empty();
    }
    // Answered on the parallel scheduler, not on the sandbox's run thread that finished it: the
    // upload's response follows, and a response written from such a thread is how requests went
    // unanswered before (ADR 0015 addendum).
    return Mono.fromFuture(prepared, true)
        .doOnError(e -> LOG.warn("preparing a worker for {} failed", PoolKey.of(job), e))
        .onErrorResume(e -> Mono.empty())
        .then()
        .publishOn(Schedulers.parallel());
  }

  public SandboxStatus status() {
    return pool.status(host.confines(), runThreads.getQueue().size());
  }

  /**
   * Kills all workers, runs still going fail as crashed, and waits (up to {@link #CLOSE_WAIT})
   * until every worker has exited and its folder is gone, so the work folder can be removed.
   */
  @Override
  public void close() {
    scheduler.dispose();
    runThreads.shutdownNow();
    try {
      pool.close();
      // Interrupted, a spare's start kills its worker and frees the slot; one not begun frees it.
      spareStarts.shutdownNow().forEach(Runnable::run);
      if (!pool.awaitEmpty(CLOSE_WAIT)) {
        LOG.warn(
            "simulation workers were still exiting {} s after the sandbox closed",
            CLOSE_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watchdog.shutdownNow();
      // Last: its thread ending kills whatever worker it started that is still there.
      spawner.shutdown();
    }
  }

  /** An exception would cancel the schedule, and idle workers would then live for ever. */
  private void maintain() {
    try {
      pool.maintain();
    } catch (RuntimeException e) {
      LOG.warn("stopping idle simulation workers or starting spares failed", e);
    }
  }

  /** The claimed workers, for tests; spares are counted in {@link #status()}. */
  List<WorkerSnapshot> workers() {
    return pool.snapshot(
        (worker, busy) ->
            new WorkerSnapshot(
                worker.key().orElseThrow(),
                worker.slot(),
                busy,
                worker.runs(),
                worker.preStarted(),
                worker.process(),
                worker.jvm(),
                worker.startup()));
  }

  /** The processes of the ready spares, each one's whole tree, for tests. */
  Set<ProcessHandle> spareProcesses() {
    return pool.spares(WorkerProcess::process).stream()
        .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
        .collect(Collectors.toSet());
  }

  private SimulationFailedException unexpected(SimulationJob job, Throwable error) {
    if (error instanceof RejectedExecutionException) {
      return failures.report(
          job,
          Cause.OVERLOADED,
          "all simulation workers are busy; retry shortly",
          WorkerExit.UNKNOWN,
          List.of());
    }
    if (error instanceof CancellationException || error instanceof InterruptedException) {
      return new SimulationFailedException(Cause.CRASHED, "the run was cancelled", List.of());
    }
    return failures.report(
        job,
        Cause.CRASHED,
        "the simulator failed unexpectedly: " + error,
        WorkerExit.UNKNOWN,
        List.of());
  }
}
