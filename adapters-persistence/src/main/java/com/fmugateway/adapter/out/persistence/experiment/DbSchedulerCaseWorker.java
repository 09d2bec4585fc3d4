package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.domain.experiment.model.CallbackDelivery;
import com.fmugateway.domain.experiment.model.CaseRun;
import com.fmugateway.domain.experiment.port.in.DeliverCallbackUseCase;
import com.fmugateway.domain.experiment.port.in.RunCaseUseCase;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * This node's share of the job queue: db-scheduler polls {@code scheduled_tasks} with {@code FOR
 * UPDATE SKIP LOCKED}, runs up to {@code threads} jobs at once (cases, and callbacks of ended
 * experiments), heartbeats them, and revives the jobs of a node whose heartbeats stopped. Each
 * db-scheduler thread is a dedicated worker thread that waits for its job to end (never an
 * event-loop thread). A case over its account's share goes back to the queue for {@code shareWait}
 * (with a little jitter, so waiting cases do not come due together).
 */
public final class DbSchedulerCaseWorker implements AutoCloseable {

  /** How a worker is tuned. */
  public record Settings(
      int threads,
      Duration pollingInterval,
      Duration heartbeat,
      int missedHeartbeats,
      Duration shareWait,
      int callbackAttempts,
      Duration callbackFirstRetry) {}

  private final Scheduler scheduler;

  public DbSchedulerCaseWorker(
      DataSource jobs,
      RunCaseUseCase cases,
      DeliverCallbackUseCase callbacks,
      String node,
      Settings settings) {
    this.scheduler =
        Scheduler.create(
                jobs,
                List.of(
                    CaseJobs.task(
                        (instance, context) ->
                            cases.run(UUID.fromString(instance.getId())).toFuture().join()
                                    == CaseRun.WAITS
                                ? jittered(settings.shareWait())
                                : null),
                    CallbackJobs.task(
                        new CallbackJobs.Retries(
                            settings.callbackAttempts(), settings.callbackFirstRetry()),
                        (instance, context) -> {
                          CallbackDelivery delivery =
                              callbacks
                                  .deliver(UUID.fromString(instance.getId()))
                                  .toFuture()
                                  .join();
                          if (delivery == CallbackDelivery.REFUSED) {
                            throw new IllegalStateException(
                                "callback of experiment " + instance.getId() + " refused");
                          }
                        })))
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

  private static Duration jittered(Duration wait) {
    long millis = Math.max(1, wait.toMillis());
    return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  public void start() {
    scheduler.start();
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
