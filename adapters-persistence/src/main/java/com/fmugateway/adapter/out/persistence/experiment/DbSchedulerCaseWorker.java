package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.domain.experiment.port.in.RunCaseUseCase;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * This node's share of the case queue: db-scheduler polls {@code scheduled_tasks} with {@code FOR
 * UPDATE SKIP LOCKED}, runs up to {@code threads} cases at once, heartbeats them, and revives the
 * cases of a node whose heartbeats stopped. Each db-scheduler thread is a dedicated worker thread
 * that waits for its case to end (never an event-loop thread).
 */
public final class DbSchedulerCaseWorker implements AutoCloseable {

  /** How a worker is tuned. */
  public record Settings(
      int threads, Duration pollingInterval, Duration heartbeat, int missedHeartbeats) {}

  private final Scheduler scheduler;

  public DbSchedulerCaseWorker(
      DataSource jobs, RunCaseUseCase cases, String node, Settings settings) {
    this.scheduler =
        Scheduler.create(
                jobs,
                List.of(
                    CaseJobs.task(
                        (instance, context) ->
                            cases.run(UUID.fromString(instance.getId())).toFuture().join())))
            .schedulerName(new SchedulerName.Fixed(node))
            .threads(settings.threads())
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeat())
            .missedHeartbeatsLimit(settings.missedHeartbeats())
            .pollUsingLockAndFetch(0.5, 1.0)
            .enablePriority()
            .enableImmediateExecution()
            .shutdownMaxWait(Duration.ofSeconds(5))
            .build();
  }

  public void start() {
    scheduler.start();
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
