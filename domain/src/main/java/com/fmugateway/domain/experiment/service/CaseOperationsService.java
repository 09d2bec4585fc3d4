package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.experiment.model.CaseOperations;
import com.fmugateway.domain.experiment.model.NodeLoad;
import com.fmugateway.domain.experiment.model.NodeMetrics;
import com.fmugateway.domain.experiment.model.NodeThroughput;
import com.fmugateway.domain.experiment.port.in.GetCaseOperationsQuery;
import com.fmugateway.domain.experiment.port.in.GetNodeMetricsQuery;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.port.in.GetHealthQuery;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalInt;
import reactor.core.publisher.Mono;

/**
 * Figures about the case workers: for operators across nodes (from the cases each node recorded),
 * and for this node's metrics since it started. Worker slots come from the health report's {@code
 * workers} component, the one place the simulator reports them.
 */
public final class CaseOperationsService implements GetCaseOperationsQuery, GetNodeMetricsQuery {

  private static final Duration HOUR = Duration.ofHours(1);

  private final ExperimentStore store;
  private final GetHealthQuery health;
  private final Clock clock;
  private final String node;
  private final Instant started;

  public CaseOperationsService(
      ExperimentStore store, GetHealthQuery health, Clock clock, String node) {
    this.store = Objects.requireNonNull(store, "store");
    this.health = Objects.requireNonNull(health, "health");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.node = Objects.requireNonNull(node, "node");
    this.started = clock.now();
  }

  @Override
  public Mono<CaseOperations> operations() {
    return store
        .queuedCases()
        .zipWith(store.nodeLoads(clock.now().minus(HOUR)).collectList())
        .map(
            t ->
                new CaseOperations(
                    t.getT1(),
                    t.getT2().stream().mapToLong(NodeLoad::running).sum(),
                    t.getT2().stream()
                        .map(NodeThroughput::of)
                        .sorted(Comparator.comparing(NodeThroughput::node))
                        .toList()));
  }

  @Override
  public Mono<NodeMetrics> metrics() {
    Mono<NodeLoad> mine =
        store
            .nodeLoads(started)
            .filter(load -> load.node().equals(node))
            .next()
            .defaultIfEmpty(new NodeLoad(node, 0, 0, 0));
    Mono<ComponentHealth> workers =
        health
            .health()
            .flatMap(
                h ->
                    Mono.justOrEmpty(
                        h.components().stream()
                            .filter(c -> c.name().equals("workers"))
                            .findFirst()))
            .defaultIfEmpty(ComponentHealth.up("workers", java.util.Map.of()));
    return Mono.zip(store.queuedCases(), mine, workers)
        .map(
            t ->
                new NodeMetrics(
                    node,
                    t.getT1(),
                    t.getT2(),
                    number(t.getT3(), "busy"),
                    number(t.getT3(), "slots")));
  }

  private static OptionalInt number(ComponentHealth component, String detail) {
    Object value = component.details().get(detail);
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.toString()));
    } catch (NumberFormatException notANumber) {
      return OptionalInt.empty();
    }
  }
}
