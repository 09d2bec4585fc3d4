package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.port.out.CaseQueue;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Queues cases as db-scheduler jobs in {@code scheduled_tasks} (JDBC, so on a bounded elastic
 * thread), one per case, each with its {@link CaseJobs#priority}. Any node may queue; only workers
 * run them.
 */
public final class DbSchedulerCaseQueue implements CaseQueue {

  private static final Logger log = LoggerFactory.getLogger(DbSchedulerCaseQueue.class);

  private final SchedulerClient client;

  public DbSchedulerCaseQueue(DataSource jobs) {
    this.client =
        SchedulerClient.Builder.create(jobs, CaseJobs.task((instance, context) -> null))
            .enablePriority()
            .build();
  }

  @Override
  public Mono<Void> enqueue(List<ExperimentCase> cases) {
    return Mono.<Void>fromRunnable(
            () -> {
              Instant now = Instant.now();
              List<SchedulableInstance<?>> jobs =
                  cases.stream()
                      .<SchedulableInstance<?>>map(
                          c ->
                              SchedulableInstance.of(
                                  new TaskInstance<Void>(
                                      CaseJobs.TASK,
                                      c.id().toString(),
                                      () -> null,
                                      CaseJobs.priority(c.index())),
                                  now))
                      .toList();
              try {
                client.scheduleBatch(jobs);
              } catch (RuntimeException someQueuedBefore) {
                // A retried request: the batch is all or nothing, so queue the missing ones.
                jobs.forEach(client::scheduleIfNotExists);
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Void> withdraw(List<UUID> caseIds) {
    return Mono.<Void>fromRunnable(
            () -> {
              for (UUID caseId : caseIds) {
                try {
                  client.cancel(TaskInstanceId.of(CaseJobs.TASK, caseId.toString()));
                } catch (RuntimeException takenOrGone) {
                  // Picked by a worker meanwhile (it sees the case cancelled) or already done.
                  log.debug("Case {} was not withdrawn: {}", caseId, takenOrGone.getMessage());
                }
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
