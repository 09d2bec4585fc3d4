package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.experiment.model.CaseOperations;
import com.fmugateway.domain.experiment.model.NodeThroughput;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The case workers for operators: queue depth, cases running, and each node's last hour. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseOperationsResponse(long queueDepth, long running, List<NodeResponse> nodes) {

  /** One node: cases running now, cases ended in the last hour, cases per minute over it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record NodeResponse(
      String node,
      long casesRunning,
      long succeededLastHour,
      long failedLastHour,
      double casesPerMinute) {

    static NodeResponse from(NodeThroughput n) {
      return new NodeResponse(
          n.node(),
          n.casesRunning(),
          n.succeededLastHour(),
          n.failedLastHour(),
          Math.round(n.casesPerMinute() * 100) / 100.0);
    }
  }

  static CaseOperationsResponse from(CaseOperations operations) {
    return new CaseOperationsResponse(
        operations.queueDepth(),
        operations.running(),
        operations.nodes().stream().map(NodeResponse::from).toList());
  }
}
