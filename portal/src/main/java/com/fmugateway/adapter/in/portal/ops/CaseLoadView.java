package com.fmugateway.adapter.in.portal.ops;

import com.fmugateway.domain.experiment.model.CaseOperations;
import java.util.List;
import java.util.Locale;

/** The case queue on the operators' page: depth, running cases and a row per worker node. */
public record CaseLoadView(long queued, long running, List<NodeRow> nodes) {

  /** One worker node; {@code perMinute} already formatted. */
  public record NodeRow(String node, long running, long succeeded, long failed, String perMinute) {}

  static CaseLoadView of(CaseOperations load) {
    return new CaseLoadView(
        load.queueDepth(),
        load.running(),
        load.nodes().stream()
            .map(
                n ->
                    new NodeRow(
                        n.node(),
                        n.casesRunning(),
                        n.succeededLastHour(),
                        n.failedLastHour(),
                        String.format(Locale.ROOT, "%.2f", n.casesPerMinute())))
            .toList());
  }
}
