package com.fmugateway.adapter.out.persistence.experiment;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The case task: run experiment case {@code id}; its instance id is the case id. A handler that
 * answers a pause instead of nothing leaves the case in the queue, due again after that pause (the
 * case waits for its account's share of the workers); its priority is kept.
 */
final class CaseJobs {

  static final String TASK = "experiment-case";

  /** A case whose run failed to be stored or charged is tried again after this. */
  static final Duration RETRY = Duration.ofSeconds(10);

  /**
   * Priority of case {@code index}: the first cases of every experiment come before the later cases
   * of any, so a new experiment starts beside a large one instead of after it (db-scheduler picks
   * higher priorities first; its column is a SMALLINT).
   */
  static int priority(int index) {
    return -Math.min(index, Short.MAX_VALUE);
  }

  /** {@code handler} answers null when the case was run, or how long it waits before it runs. */
  static CustomTask<Void> task(BiFunction<TaskInstance<Void>, ExecutionContext, Duration> handler) {
    return Tasks.custom(TASK, Void.class)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
        .onDeadExecutionRevive()
        .execute(
            (instance, context) -> {
              Duration pause = handler.apply(instance, context);
              return pause == null
                  ? new CompletionHandler.OnCompleteRemove<>()
                  : (complete, operations) ->
                      operations.reschedule(complete, Instant.now().plus(pause));
            });
  }

  private CaseJobs() {}
}
