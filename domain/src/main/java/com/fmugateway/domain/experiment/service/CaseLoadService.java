package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.experiment.model.CaseLoad;
import com.fmugateway.domain.experiment.port.in.GetCaseLoadQuery;
import com.fmugateway.domain.experiment.port.out.CaseLoadReadModel;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Reads the case queue's load, each node's throughput over the last hour. */
public class CaseLoadService implements GetCaseLoadQuery {

  static final Duration WINDOW = Duration.ofHours(1);

  private final CaseLoadReadModel readModel;
  private final Clock clock;

  public CaseLoadService(CaseLoadReadModel readModel, Clock clock) {
    this.readModel = readModel;
    this.clock = clock;
  }

  @Override
  public Mono<CaseLoad> load() {
    return Mono.defer(() -> readModel.load(clock.now().minus(WINDOW)));
  }
}
