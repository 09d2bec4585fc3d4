package com.fmugateway.domain.experiment.model;

import java.util.List;

/**
 * The operators' view of the case workers: cases waiting in the queue, cases running anywhere, and
 * each node that ran cases in the last hour or runs one now.
 */
public record CaseOperations(long queueDepth, long running, List<NodeThroughput> nodes) {

  public CaseOperations {
    nodes = List.copyOf(nodes);
  }
}
