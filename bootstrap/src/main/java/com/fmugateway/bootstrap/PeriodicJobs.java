package com.fmugateway.bootstrap;

import com.fmugateway.domain.shared.model.PeriodicJob;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs the application's {@link PeriodicJob}s from start-up to shutdown: each on its own schedule,
 * a failed run logged and the schedule kept, never two runs of one job at once (ticks that fall
 * during a run are skipped, not queued), and all of them stopped, runs in progress cancelled, when
 * the application stops, before the beans they use are closed.
 */
final class PeriodicJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicJobs.class);

  private final List<PeriodicJob> jobs;
  private final Scheduler timer;
  private volatile Disposable running;

  PeriodicJobs(List<PeriodicJob> jobs, Scheduler timer) {
    this.jobs = List.copyOf(jobs);
    this.timer = timer;
  }

  /** Starts one job on {@code timer}; disposing the result stops it. */
  static Disposable schedule(PeriodicJob job, Scheduler timer) {
    return Flux.interval(job.initialDelay(), job.period(), timer)
        .onBackpressureDrop()
        // No prefetch: the next tick is asked for only once the run before it has ended.
        .concatMap(tick -> runOnce(job), 0)
        .subscribe();
  }

  private static Mono<Void> runOnce(PeriodicJob job) {
    return Mono.defer(job.work())
        .then()
        .onErrorResume(
            e -> {
              log.warn("Periodic job '{}' failed; next run in {}", job.name(), job.period(), e);
              return Mono.empty();
            });
  }

  @Override
  public void start() {
    running = Disposables.composite(jobs.stream().map(job -> schedule(job, timer)).toList());
    log.debug("Started {} periodic jobs", jobs.size());
  }

  @Override
  public void stop() {
    Disposable started = running;
    if (started != null) {
      started.dispose();
      running = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
