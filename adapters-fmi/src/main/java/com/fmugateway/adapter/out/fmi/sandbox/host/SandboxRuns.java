package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.pool.PoolKey;
import com.fmugateway.adapter.out.fmi.sandbox.pool.SlotTimeoutException;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerPool;
import com.fmugateway.adapter.out.fmi.sandbox.wire.Frames;
import com.fmugateway.adapter.out.fmi.sandbox.wire.ProtocolException;
import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WorkerResponse;
import com.fmugateway.domain.simulation.model.ResultAssembler;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
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
 * end into a result (whole, or part by part) or a {@link SimulationFailedException}. Only a clean
 * result sends the worker back to the pool; after any failure it is killed.
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

  /** The whole result, put together from the worker's chunks. */
  SimulationResult run(SimulationJob job) throws InterruptedException {
    try (Reader reader = open(job, ResultLayout.ROWS)) {
      ResultAssembler whole = new ResultAssembler();
      while (true) {
        ResultPart part = reader.next();
        if (part instanceof ResultPart.End end) {
          return whole.finish(end);
        }
        whole.add((ResultPart.Chunk) part);
      }
    }
  }

  /**
   * Starts the job on a worker of its key, its result to come in {@code layout}; the reader hands
   * out its parts one message at a time. Blocks while waiting for a worker.
   */
  Reader open(SimulationJob job, ResultLayout layout) throws InterruptedException {
    WorkerProcess worker = acquire(job);
    Reader reader = new Reader(job, worker);
    try {
      worker.send(RunRequest.of(worker.layout().archiveForWorker(), job.plan()), layout);
    } catch (IOException e) {
      reader.close();
      throw reader.failure(e);
    }
    return reader;
  }

  /**
   * Makes {@code job} on a ready spare, claimed for the job's key, ahead of the key's first real
   * run; see {@link WorkerPool#claimSpare}. Nothing is reported: nobody asked for this run. The
   * worker goes back to the pool, idle, only after a clean end; after anything else it is killed,
   * and the first real run starts as it would have without this.
   *
   * @return whether the spare is now an idle worker of the job's key
   */
  boolean prepare(SimulationJob job) {
    WorkerProcess worker;
    try {
      worker = pool.claimSpare(PoolKey.of(job), job.fmu().archive()).orElse(null);
    } catch (IOException e) {
      return false;
    }
    if (worker == null) {
      return false;
    }
    boolean clean = false;
    try {
      RunRequest request = RunRequest.of(worker.layout().archiveForWorker(), job.plan());
      clean =
          worker.warmUp(request, ResultLayout.ROWS, settings.maxResultBytes())
              instanceof WorkerResponse.Completed;
    } catch (IOException e) {
      // The worker broke or died: killed below, like after any run that did not end cleanly.
    } finally {
      pool.release(worker, clean);
    }
    return clean;
  }

  /**
   * One run's messages as they arrive, every way it can end turned into its end or a {@link
   * SimulationFailedException}. Only a run read to its end sends the worker back to the pool; after
   * anything else ({@link #close()} early included) it is killed.
   */
  final class Reader implements AutoCloseable {

    private final SimulationJob job;
    private final WorkerProcess worker;
    private long received;
    private boolean ended;
    private boolean closed;

    private Reader(SimulationJob job, WorkerProcess worker) {
      this.job = job;
      this.worker = worker;
    }

    /** The next part: a chunk, or the end (after which there is none). Blocks. */
    ResultPart next() {
      try {
        // The limit holds for the whole result, however many messages it takes.
        WorkerResponse response = worker.receive(settings.maxResultBytes() - received);
        received += worker.lastMessageBytes();
        if (response instanceof WorkerResponse.Samples samples) {
          return samples.chunk();
        }
        if (response instanceof WorkerResponse.Completed completed) {
          ended = true;
          return withCappedLog(completed.end());
        }
        WorkerResponse.Failed failed = (WorkerResponse.Failed) response;
        throw fail(
            job, failed.cause(), shorten(failed.message()), WorkerExit.UNKNOWN, failed.fmuLog());
      } catch (IOException e) {
        throw failure(e);
      }
    }

    private RuntimeException failure(IOException e) {
      if (e instanceof Frames.FrameTooLargeException) {
        String limit = Sizes.format(settings.maxResultBytes());
        return fail(job, Cause.RESOURCE_LIMIT, "simulation result exceeds the " + limit + " limit");
      }
      if (e instanceof ProtocolException) {
        return fail(job, Cause.CRASHED, "simulation worker broke the protocol: " + e.getMessage());
      }
      if (Thread.currentThread().isInterrupted() || closed) {
        return cancelled();
      }
      if (worker.expired()) {
        String message = "simulation exceeded its " + seconds(job.plan().timeout()) + " s limit";
        return fail(job, Cause.TIMEOUT, message, WorkerExit.signal(SIGKILL), List.of());
      }
      try {
        ExitDiagnosis diagnosis = worker.diagnose(EXIT_WAIT, settings);
        return fail(job, diagnosis.cause(), diagnosis.message(), diagnosis.exit(), List.of());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return cancelled();
      }
    }

    /** Gives the worker back if the run was read to its end, else kills it; idempotent. */
    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      worker.endRun();
      pool.release(worker, ended);
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

  private ResultPart.End withCappedLog(ResultPart.End end) {
    List<String> log = LogCap.apply(end.fmuLog(), settings.maxLogBytes());
    if (log == end.fmuLog()) {
      return end;
    }
    return new ResultPart.End(
        end.steps(), end.events(), end.cpuTime(), log, end.clockEvents(), end.solverStatistics());
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
