package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.experiment.model.NodeMetrics;
import reactor.core.publisher.Mono;

/** Query: this node's experiment and worker figures, for {@code /metrics}. */
public interface GetNodeMetricsQuery {

  Mono<NodeMetrics> metrics();
}
