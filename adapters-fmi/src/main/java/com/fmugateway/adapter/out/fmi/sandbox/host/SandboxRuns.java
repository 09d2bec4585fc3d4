package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.pool.PoolKey;
import com.fmugateway.adapter.out.fmi.sandbox.pool.SlotTimeoutException;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerPool;
import com.fmugateway.adapter.out.fmi.sandbox.wire.Frames;
import com.fmugateway.adapter.out.fmi.sandbox.wire.ProtocolException;
import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WorkerResponse;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Runs one job on a worker of its key, blocking the calling thread, and turns every way a run can
 * end into a result or a {@link SimulationFailedException}. Only a clean result sends the worker
 * back to the pool; after any failure it is killed.
 */
final class SandboxRuns {

  /** How long a worker that hung up may take to exit, e.g. while the JVM writes a crash report. */
  private static final Duration EXIT_WAIT = Duration.ofSeconds(3);

  private static final int MAX_MESSAGE_CHARS = 2000;
  private static final int SIGKILL = 9;

  private final SandboxSettings settings;
  private final WorkerPool<WorkerProcess> pool;
  private final FailureLog failures;

  SandboxRuns(SandboxSettings settings, WorkerPool<WorkerProcess> pool, FailureLog failures) {
    this.settings = settings;
    this.pool = pool;
    this.failures = failures;
  }

  SimulationResult run(SimulationJob job) throws InterruptedException {
    WorkerProcess worker = acquire(job);
    boolean reusable = false;
    try {
      RunRequest request = RunRequest.of(worker.layout().archiveForWorker(), job.plan());
      WorkerResponse response = worker.exchange(request, settings.maxResultBytes());
      if (response instanceof WorkerResponse.Completed completed) {
        reusable = true;
        return withCappedLog(completed.result());
      }
      WorkerResponse.Failed failed = (WorkerResponse.Failed) response;
      throw fail(
          job, failed.cause(), shorten(failed.message()), WorkerExit.UNKNOWN, failed.fmuLog());
    } catch (Frames.FrameTooLargeException e) {
      String limit = Sizes.format(settings.maxResultBytes());
      throw fail(job, Cause.RESOURCE_LIMIT, "simulation result exceeds the " + limit + " limit");
    } catch (ProtocolException e) {
      throw fail(job, Cause.CRASHED, "simulation worker broke the protocol: " + e.getMessage());
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw cancelled();
      }
      if (worker.expired()) {
        String message = "simulation exceeded its " + seconds(job.plan().timeout()) + " s limit";
        throw fail(job, Cause.TIMEOUT, message, WorkerExit.signal(SIGKILL), List.of());
      }
      ExitDiagnosis diagnosis = worker.diagnose(EXIT_WAIT, settings);
      throw fail(job, diagnosis.cause(), diagnosis.message(), diagnosis.exit(), List.of());
    } finally {
      pool.release(worker, reusable);
    }
  }

  private WorkerProcess acquire(SimulationJob job) throws InterruptedException {
    try {
      return pool.acquire(PoolKey.of(job), job.fmu().archive());
    } catch (SlotTimeoutException e) {
      throw fail(job, Cause.OVERLOADED, "all simulation workers are busy; retry shortly");
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw cancelled();
      }
      String console = e instanceof WorkerStartException start ? start.console() : "";
      failures.startFailed(e.getMessage(), console);
      throw fail(job, Cause.CRASHED, "the simulation worker could not be started");
    }
  }

  /** A run whose subscriber went away: nobody to tell, nothing for operators to see. */
  private static CancellationException cancelled() {
    return new CancellationException("the simulation was cancelled");
  }

  private SimulationResult withCappedLog(SimulationResult result) {
    List<String> log = LogCap.apply(result.fmuLog(), settings.maxLogBytes());
    if (log == result.fmuLog()) {
      return result;
    }
    return new SimulationResult(
        result.time(),
        result.columns(),
        result.steps(),
        result.events(),
        result.cpuTime(),
        log,
        result.clockEvents(),
        result.solverStatistics());
  }

  private SimulationFailedException fail(SimulationJob job, Cause cause, String message) {
    return fail(job, cause, message, WorkerExit.UNKNOWN, List.of());
  }

  private SimulationFailedException fail(
      SimulationJob job, Cause cause, String message, WorkerExit exit, List<String> fmuLog) {
    return failures.report(job, cause, message, exit, LogCap.apply(fmuLog, settings.maxLogBytes()));
  }

  /** A worker runs foreign code and may send any message; a customer needs no megabytes of it. */
  private static String shorten(String message) {
    return message.length() <= MAX_MESSAGE_CHARS
        ? message
        : message.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  /** As the engine words it: {@code 0.1}, not {@code 0.1000000000}. */
  static String seconds(Duration limit) {
    double seconds = limit.getSeconds() + limit.getNano() / 1e9;
    return new BigDecimal(seconds).round(new MathContext(10)).stripTrailingZeros().toPlainString();
  }
}
