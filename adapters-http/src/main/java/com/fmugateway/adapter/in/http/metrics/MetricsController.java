package com.fmugateway.adapter.in.http.metrics;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.experiment.model.NodeMetrics;
import com.fmugateway.domain.experiment.port.in.GetNodeMetricsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.OptionalInt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /metrics}: this node's figures in the Prometheus text format (0.0.4), written by hand.
 * Served on every role, worker nodes included; operators' keys or the scrape token only.
 */
@RestController
@Tag(name = "Operators")
class MetricsController {

  static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

  private final GetNodeMetricsQuery metrics;

  MetricsController(GetNodeMetricsQuery metrics) {
    this.metrics = metrics;
  }

  @GetMapping(value = "/metrics", produces = PROMETHEUS_TEXT)
  @Operation(
      operationId = "metrics",
      summary = "This node's metrics, Prometheus text format (operators or the scrape token)")
  @ProblemResponses({403})
  Mono<String> metrics() {
    return metrics.metrics().map(MetricsController::text);
  }

  static String text(NodeMetrics m) {
    String node = "{node=\"" + label(m.node()) + "\"}";
    StringBuilder out = new StringBuilder();
    gauge(
        out,
        "fmugw_experiment_cases_queued",
        "Experiment cases waiting in the shared queue, every node's.",
        "",
        m.queueDepth());
    gauge(
        out,
        "fmugw_experiment_cases_running",
        "Experiment cases running on this node.",
        node,
        m.sinceStart().running());
    out.append("# HELP fmugw_experiment_cases_ended_total")
        .append(" Experiment cases this node ended since it started, by outcome.\n")
        .append("# TYPE fmugw_experiment_cases_ended_total counter\n");
    line(
        out,
        "fmugw_experiment_cases_ended_total",
        withOutcome(m, "succeeded"),
        m.sinceStart().succeeded());
    line(
        out,
        "fmugw_experiment_cases_ended_total",
        withOutcome(m, "failed"),
        m.sinceStart().failed());
    optionalGauge(
        out,
        "fmugw_sandbox_workers_busy",
        "Simulation workers running a model now.",
        m.workersBusy());
    optionalGauge(
        out,
        "fmugw_sandbox_worker_slots",
        "Simulation workers this node may run at once.",
        m.workerSlots());
    return out.toString();
  }

  private static String withOutcome(NodeMetrics m, String outcome) {
    return "{node=\"" + label(m.node()) + "\",outcome=\"" + outcome + "\"}";
  }

  private static void gauge(
      StringBuilder out, String name, String help, String labels, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    line(out, name, labels, value);
  }

  private static void optionalGauge(
      StringBuilder out, String name, String help, OptionalInt value) {
    if (value.isPresent()) {
      gauge(out, name, help, "", value.getAsInt());
    }
  }

  private static void line(StringBuilder out, String name, String labels, long value) {
    out.append(name).append(labels).append(' ').append(value).append('\n');
  }

  /** A label value as the text format escapes it: backslash, double quote and line feed. */
  private static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
