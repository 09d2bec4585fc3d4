package com.fmugateway.domain.experiment.model;

import java.util.List;
import java.util.Objects;

/**
 * The case queue as operators watch it: cases waiting ({@code queued}), cases running, and each
 * worker node's share of them, busiest first.
 */
public record CaseLoad(long queued, long running, List<NodeLoad> nodes) {

  public CaseLoad {
    nodes = List.copyOf(nodes);
  }

  /** One worker node: the cases it runs now and those it ended in the last hour. */
  public record NodeLoad(
      String node, long casesRunning, long succeededLastHour, long failedLastHour) {

    public NodeLoad {
      Objects.requireNonNull(node, "node");
    }

    /** Cases ended per minute, averaged over the last hour. */
    public double casesPerMinute() {
      return (succeededLastHour + failedLastHour) / 60.0;
    }
  }
}
