package com.fmugateway.domain.experiment.model;

/**
 * One node's part in the operators' view: cases running on it, cases it ended in the last hour, and
 * its throughput over that hour in cases per minute.
 */
public record NodeThroughput(
    String node,
    long casesRunning,
    long succeededLastHour,
    long failedLastHour,
    double casesPerMinute) {

  static final int MINUTES = 60;

  public static NodeThroughput of(NodeLoad lastHour) {
    return new NodeThroughput(
        lastHour.node(),
        lastHour.running(),
        lastHour.succeeded(),
        lastHour.failed(),
        (lastHour.succeeded() + lastHour.failed()) / (double) MINUTES);
  }
}
