package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.domain.experiment.port.out.CallbackQueue;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Queues callbacks as db-scheduler jobs in {@code scheduled_tasks}, one per experiment: its primary
 * key (task, experiment id) keeps a second request, from another node, from queuing another.
 */
public final class DbSchedulerCallbackQueue implements CallbackQueue {

  private final SchedulerClient client;

  public DbSchedulerCallbackQueue(DataSource jobs) {
    this.client =
        SchedulerClient.Builder.create(
                jobs,
                CallbackJobs.task(
                    new CallbackJobs.Retries(1, java.time.Duration.ofSeconds(1)),
                    (instance, context) -> {}))
            .enablePriority()
            .build();
  }

  @Override
  public Mono<Void> enqueue(UUID experimentId) {
    return Mono.<Void>fromRunnable(
            () ->
                client.scheduleIfNotExists(
                    SchedulableInstance.of(
                        new TaskInstance<Void>(
                            CallbackJobs.TASK, experimentId.toString(), () -> null, 0),
                        Instant.now())))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
