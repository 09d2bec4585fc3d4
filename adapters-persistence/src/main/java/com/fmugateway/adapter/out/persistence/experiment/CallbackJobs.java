package com.fmugateway.adapter.out.persistence.experiment;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback task: tell ended experiment {@code id}'s callback URL; its instance id is the
 * experiment id, so an experiment has at most one delivery queued. A failed attempt is made again
 * after {@code firstRetry}, doubling each time, {@code attempts} attempts in all.
 */
final class CallbackJobs {

  private static final Logger log = LoggerFactory.getLogger(CallbackJobs.class);

  static final String TASK = "experiment-callback";

  /** How delivery is retried. */
  record Retries(int attempts, Duration firstRetry) {}

  static OneTimeTask<Void> task(Retries retries, VoidExecutionHandler<Void> handler) {
    return Tasks.oneTime(TASK)
        .onFailure(
            new FailureHandler.MaxRetriesFailureHandler<>(
                Math.max(0, retries.attempts() - 1),
                new FailureHandler.ExponentialBackoffFailureHandler<>(retries.firstRetry(), 2.0),
                (complete, operations) -> {
                  log.warn(
                      "Gave up telling experiment {}'s callback URL after {} attempts",
                      complete.getExecution().getId(),
                      retries.attempts());
                  operations.remove();
                }))
        .onDeadExecutionRevive()
        .execute(handler);
  }

  private CallbackJobs() {}
}
