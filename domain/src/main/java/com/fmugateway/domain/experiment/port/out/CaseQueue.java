package com.fmugateway.domain.experiment.port.out;

import com.fmugateway.domain.experiment.model.ExperimentCase;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Role: the job queue shared by every node: a queued case is handed to exactly one worker at a
 * time, and to another if that worker dies. Cases of different experiments are interleaved, so one
 * large sweep does not hold back the others. Queueing a case twice queues it once.
 */
public interface CaseQueue {

  Mono<Void> enqueue(List<ExperimentCase> cases);

  /** Takes cases that have not started off the queue; a case already taken is left alone. */
  Mono<Void> withdraw(List<UUID> caseIds);
}
