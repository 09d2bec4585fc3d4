package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import com.fmugateway.domain.simulation.model.Provenance;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code simulate}: one run through {@link SimulateUseCase}, so credits, payment tokens, limits and
 * the sandbox apply as they do to {@code POST /simulate}. Answers KPIs, final values, a compact
 * table with the command that fetches the full CSV and, for a scheduled execution run, the output
 * clocks' ticks; or, when the run must be paid first, exactly how to pay.
 */
final class SimulateTool implements GatewayTool {

  static final String NAME = "simulate";

  private final SimulateUseCase simulate;
  private final RunRateLimit limits;
  private final JsonMapper json;

  SimulateTool(SimulateUseCase simulate, EnforceRateLimitUseCase limits, JsonMapper json) {
    this.simulate = simulate;
    this.limits = new RunRateLimit(limits);
    this.json = json;
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> properties = RunArguments.properties();
    properties.put(
        "payment_token",
        Schemas.string(
            "Pays for this one run instead of credits: the payment_token that GET"
                + " /payments/checkout/{session_id} gives once the checkout of an earlier"
                + " payment_required answer is paid."));
    properties.put(
        "payment_method",
        Schemas.oneOf(
            "How to pay if credits are short: card (default) or crypto; the checkout opened"
                + " uses it.",
            List.of("card", "crypto")));
    properties.put(
        "max_rows",
        Schemas.integer(
            "Result rows to return, spread evenly over the run (first and last included);"
                + " default and at most "
                + CompactResult.MAX_ROWS
                + ". 0: KPIs and final values only.",
            0,
            CompactResult.MAX_ROWS));
    return McpSchema.Tool.builder(NAME)
        .title("Run a simulation")
        .description(
            "Simulate an FMU and get its KPIs, the final value of every output and a compact"
                + " table of at most 200 rows, plus the curl command that returns the full result"
                + " as CSV. Costs credits (quote_simulation tells how many first). If your"
                + " credits are short the result is an error payment_required with checkout_url,"
                + " session_id and next_step: pay there, get the payment_token and call simulate"
                + " again with it. A failed run costs nothing. A scheduled execution run (FMI 3.0,"
                + " interface se) fires its triggered input clocks at the clock_ticks you give and"
                + " answers clock_events, when each output clock ticked. Example: {\"fmu_id\":"
                + " \"msl:BouncingBall\", \"stop_time\": 3, \"step\": 0.01, \"kpis\": [\"h_max\"]};"
                + " with clocks: {\"fmu_id\": \"lib:Clocks3\", \"interface\": \"se\","
                + " \"stop_time\": 5, \"clock_ticks\": {\"trigger\": [0.3, 1.0, 2.25]}}.")
        .inputSchema(Schemas.object(properties, List.of(RunArguments.FMU_ID)))
        .annotations(
            McpSchema.ToolAnnotations.builder()
                .title("Run a simulation")
                .readOnlyHint(false)
                .destructiveHint(false)
                .idempotentHint(false)
                .openWorldHint(false)
                .build())
        .build();
  }

  @Override
  public Mono<ToolAnswer> call(Caller caller, Arguments args) {
    int maxRows =
        args.optionalInteger("max_rows", 0, CompactResult.MAX_ROWS).orElse(CompactResult.MAX_ROWS);
    var command = RunArguments.command(caller, args, RunArguments.payment(args, false));
    return limits.check(
        caller,
        simulate
            .simulate(command)
            .map(
                outcome ->
                    outcome instanceof SimulationOutcome.Completed completed
                        ? ToolAnswer.ok(report(completed.report(), args, caller, maxRows))
                        : ToolAnswer.failed(
                            PaymentInstructions.paymentRequired(
                                ((SimulationOutcome.PaymentRequired) outcome).demand(),
                                caller,
                                NAME))));
  }

  private Map<String, Object> report(
      SimulationReport report, Arguments args, Caller caller, int maxRows) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("run_id", report.runId().toString());
    body.put("fmu_id", report.fmuId().value());
    body.put("status", "ok");
    body.put("kpis", report.kpis());
    body.put("final_values", CompactResult.finalValues(report.result()));
    Map<String, Object> table = CompactResult.table(report.result(), maxRows);
    if (table != null) {
      body.put("results", table);
    }
    if (!report.result().clockEvents().isEmpty()) {
      body.put("clock_events", report.result().clockEvents());
    }
    body.put("cost", cost(report));
    body.put("provenance", provenance(report.provenance()));
    body.put("full_csv", FullCsv.of(caller, args, json));
    return body;
  }

  private static Map<String, Object> cost(SimulationReport report) {
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("credits", report.costCredits());
    cost.put("quoted_credits", report.quotedCredits());
    cost.put("paid_with", report.payment().isPresent() ? "payment_token" : "credits");
    report
        .payment()
        .ifPresent(
            p -> {
              cost.put("amount", p.amount().decimal());
              cost.put("currency", p.amount().currency());
            });
    return cost;
  }

  private static Map<String, Object> provenance(Provenance p) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("fmu_sha256", p.fmuSha256().hex());
    provenance.put("fmi_version", p.fmiVersion());
    provenance.put("fmu_interface", p.fmuInterface().code());
    p.solver().ifPresent(s -> provenance.put("solver", s.kind().code()));
    provenance.put("steps", p.steps());
    provenance.put("events", p.events());
    p.solverStatistics()
        .ifPresent(
            s -> {
              provenance.put("derivative_evaluations", s.derivativeEvaluations());
              s.jacobian()
                  .ifPresent(
                      j -> {
                        provenance.put("jacobian", j.code());
                        provenance.put("jacobian_evaluations", s.jacobianEvaluations());
                      });
            });
    provenance.put("wall_time_ms", p.wallTime().toMillis());
    return provenance;
  }
}
