package com.fmugateway.adapter.out.persistence.experiment;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;

/** The one db-scheduler task: run experiment case {@code id}; its instance id is the case id. */
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

  static OneTimeTask<Void> task(VoidExecutionHandler<Void> handler) {
    return Tasks.oneTime(TASK)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
        .onDeadExecutionRevive()
        .execute(handler);
  }

  private CaseJobs() {}
}
