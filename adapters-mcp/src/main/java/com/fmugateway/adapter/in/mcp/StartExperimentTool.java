package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.experiment.model.ExperimentOutcome;
import com.fmugateway.domain.experiment.port.in.StartExperimentCommand;
import com.fmugateway.domain.experiment.port.in.StartExperimentUseCase;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code start_experiment}: a parameter sweep through {@link StartExperimentUseCase}, as {@code
 * POST /experiments} starts one: every case checked, every case's quote held from credits, the
 * cases queued; or only the quote; or, when credits are short, exactly how to pay.
 */
final class StartExperimentTool implements GatewayTool {

  static final String NAME = "start_experiment";

  private final StartExperimentUseCase start;

  StartExperimentTool(StartExperimentUseCase start) {
    this.start = start;
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> properties = RunArguments.properties();
    properties.put(
        "start_values",
        Schemas.freeObject(
            "{variable: value} shared by every case; a case's own values are laid over them."));
    properties.put(SweepArguments.SWEEP, SweepArguments.schema());
    properties.put(
        "quote_only",
        Schemas.bool(
            "true: only the price (cases × credits per case) against your balance; nothing is"
                + " held or queued."));
    properties.put(
        "payment_method",
        Schemas.oneOf(
            "If credits are short: how to pay the credit-pack checkout opened; card (default) or"
                + " crypto.",
            List.of("card", "crypto")));
    properties.put(
        "callback_url",
        Schemas.string("An http(s) URL told (POST, JSON) when the experiment ends; optional."));
    return McpSchema.Tool.builder(NAME)
        .title("Start a parameter sweep")
        .description(
            "Run one model many times, each case with its own start values, as queued jobs; the"
                + " arguments of simulate plus sweep. Every case's quote is held from your credits"
                + " up front and each case is charged when it completes (a failed case costs"
                + " nothing). Answers experiment_id, status, case counts, quote and links; follow"
                + " it with get_experiment until finished. quote_only: the price only. If your"
                + " credits are short the result is an error payment_required with a checkout_url"
                + " for a credit pack and next_step. Example: {\"fmu_id\": \"msl:BouncingBall\","
                + " \"stop_time\": 3, \"step\": 0.01, \"kpis\": [\"h_max\"], \"sweep\":"
                + " {\"method\": \"full_factorial\", \"parameters\": {\"e\": {\"values\": [0.6,"
                + " 0.7, 0.8]}}}}. clock_ticks (scheduled execution, interface se) are fired in"
                + " every case; each case's result (get_experiment's links.case_result) has"
                + " its clock_events.")
        .inputSchema(Schemas.object(properties, List.of(RunArguments.FMU_ID, SweepArguments.SWEEP)))
        .annotations(
            McpSchema.ToolAnnotations.builder()
                .title("Start a parameter sweep")
                .readOnlyHint(false)
                .destructiveHint(false)
                .idempotentHint(false)
                .openWorldHint(false)
                .build())
        .build();
  }

  @Override
  public Mono<ToolAnswer> call(Caller caller, Arguments args) {
    boolean quoteOnly = args.optionalBoolean("quote_only").orElse(false);
    var base = RunArguments.command(caller, args, RunArguments.payment(args, quoteOnly));
    var command =
        new StartExperimentCommand(
            base, SweepArguments.sweep(args), args.optionalString("callback_url"));
    return start.start(command).map(outcome -> answer(outcome, caller));
  }

  private static ToolAnswer answer(ExperimentOutcome outcome, Caller caller) {
    if (outcome instanceof ExperimentOutcome.Accepted accepted) {
      Map<String, Object> body = ExperimentSummary.of(accepted.experiment(), caller);
      body.put("next_step", ExperimentSummary.nextStep(accepted.experiment()));
      return ToolAnswer.ok(body);
    }
    if (outcome instanceof ExperimentOutcome.Quoted quoted) {
      return ToolAnswer.ok(quote(quoted));
    }
    return ToolAnswer.failed(
        PaymentInstructions.experimentPaymentRequired(
            ((ExperimentOutcome.PaymentRequired) outcome).demand(), caller, NAME));
  }

  private static Map<String, Object> quote(ExperimentOutcome.Quoted quoted) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "quote");
    body.put("cases", Map.of("total", quoted.cases()));
    Map<String, Object> quote = new LinkedHashMap<>();
    quote.put("credits", quoted.total());
    quote.put("per_case", quoted.perCase());
    body.put("quote", quote);
    body.put("balance_credits", quoted.balance());
    boolean covered = quoted.balance() >= quoted.total();
    body.put("covered_by_credits", covered);
    body.put(
        "next_step",
        covered
            ? "Call start_experiment with the same arguments, without quote_only."
            : "Your credits are short: call start_experiment without quote_only to get a"
                + " checkout for a credit pack covering the difference.");
    body.put("message", "nothing was held or queued and nothing was charged");
    return body;
  }
}
