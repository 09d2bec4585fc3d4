package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code quote_simulation}: the price of a run in credits and in money, against the balance;
 * nothing runs, nothing is charged, no checkout opens. It is {@code POST /simulate} with {@code
 * quote_only}, and counts against the runs-per-minute limit as that does.
 */
final class QuoteSimulationTool implements GatewayTool {

  static final String NAME = "quote_simulation";

  private final SimulateUseCase simulate;
  private final RunRateLimit limits;

  QuoteSimulationTool(SimulateUseCase simulate, EnforceRateLimitUseCase limits) {
    this.simulate = simulate;
    this.limits = new RunRateLimit(limits);
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> properties = RunArguments.properties();
    return McpSchema.Tool.builder(NAME)
        .title("Quote a simulation")
        .description(
            "Price a run before running it: quote_credits against your balance_credits,"
                + " covered_by_credits, and the price in money (amount, currency, methods) if"
                + " credits are short. Takes exactly the arguments of simulate. Nothing runs,"
                + " nothing is charged, no checkout is opened; the model and arguments are checked,"
                + " so a bad argument is reported here as it would be by simulate.")
        .inputSchema(Schemas.object(properties, List.of(RunArguments.FMU_ID)))
        .annotations(SearchModelsTool.readOnly("Quote a simulation"))
        .build();
  }

  @Override
  public Mono<ToolAnswer> call(Caller caller, Arguments args) {
    var command = RunArguments.command(caller, args, RunArguments.payment(args, true));
    return limits.check(
        caller,
        simulate
            .simulate(command)
            .map(
                outcome ->
                    outcome instanceof SimulationOutcome.PaymentRequired required
                        ? ToolAnswer.ok(PaymentInstructions.quote(required.demand(), caller))
                        : ToolAnswer.failed(
                            Map.of(
                                "error",
                                "internal_error",
                                "message",
                                "the quote ran the simulation; report this to support"))));
  }
}
