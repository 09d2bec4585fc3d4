package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.port.out.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Simulator that runs FMUs inside this JVM on a bounded pool of threads, never on an event loop. A
 * stop-gap until runs move to sandboxed worker processes: a crashing FMU takes the JVM with it, and
 * an FMU hanging inside a call keeps its thread after the run has been reported as timed out.
 */
public final class InProcessSimulator implements Simulator, AutoCloseable {

  /**
   * The engine enforces the plan's timeout itself between FMI calls; this backstop, started when
   * the run starts, only fires for an FMU stuck inside one call.
   */
  private static final Duration BACKSTOP_GRACE = Duration.ofSeconds(2);

  private static final int THREAD_TTL_SECONDS = 60;

  private final SimulationEngine engine;
  private final Scheduler scheduler;

  /**
   * @param maxConcurrentRuns runs executing at once, one thread each
   * @param maxQueuedRuns runs waiting for a thread; beyond that a run fails with OVERLOADED
   */
  public InProcessSimulator(SimulationEngine engine, int maxConcurrentRuns, int maxQueuedRuns) {
    this.engine = engine;
    this.scheduler =
        Schedulers.newBoundedElastic(
            maxConcurrentRuns, maxQueuedRuns, "fmu-simulation", THREAD_TTL_SECONDS, true);
  }

  @Override
  public Mono<SimulationResult> simulate(SimulationJob job) {
    SimulationPlan plan = job.plan();
    // timeout() sits below subscribeOn, so its clock starts when a thread picks the run up.
    return Mono.fromCallable(() -> engine.run(job.fmu().archive(), job.fmu().description(), plan))
        .timeout(
            plan.timeout().plus(BACKSTOP_GRACE),
            Mono.error(() -> RunGuard.timedOut(plan.timeout())))
        .subscribeOn(scheduler)
        .onErrorMap(e -> !(e instanceof SimulationFailedException), InProcessSimulator::unexpected);
  }

  /** Stops the pool's threads (runs still executing are interrupted) and unloads idle FMUs. */
  @Override
  public void close() {
    scheduler.dispose();
    engine.unloadIdleCopies();
  }

  private static SimulationFailedException unexpected(Throwable error) {
    if (error instanceof RejectedExecutionException) {
      return new SimulationFailedException(
          Cause.OVERLOADED, "all simulation slots are busy; try again later", List.of());
    }
    return new SimulationFailedException(
        Cause.CRASHED, "the simulator failed unexpectedly: " + error, List.of());
  }
}
