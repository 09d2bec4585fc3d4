package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.experiment.port.in.GetExperimentQuery;
import com.fmugateway.domain.experiment.port.in.ListCasesQuery;
import com.fmugateway.domain.shared.model.InvalidInputException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code get_experiment}: one of the caller's experiments with its status, case counts and cost,
 * and its first cases with their parameters and KPIs; the whole table is a CSV link away. Another
 * account's experiment is not found, exactly as an unknown id.
 */
final class GetExperimentTool implements GatewayTool {

  static final String NAME = "get_experiment";
  static final String EXPERIMENT_ID = "experiment_id";
  static final int MAX_CASES = 200;
  private static final int DEFAULT_CASES = 20;

  private final GetExperimentQuery experiments;
  private final ListCasesQuery cases;

  GetExperimentTool(GetExperimentQuery experiments, ListCasesQuery cases) {
    this.experiments = experiments;
    this.cases = cases;
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(EXPERIMENT_ID, Schemas.string("The experiment_id start_experiment answered."));
    properties.put(
        "max_cases",
        Schemas.integer(
            "Case rows to return (index, status, parameters, KPIs, cost); default "
                + DEFAULT_CASES
                + ", at most "
                + MAX_CASES
                + ". 0: counts only.",
            0,
            MAX_CASES));
    properties.put(
        "cases_offset",
        Schemas.integer("Skip this many cases (by index); default 0.", 0, Integer.MAX_VALUE));
    return McpSchema.Tool.builder(NAME)
        .title("Get an experiment")
        .description(
            "An experiment's status (queued, running, succeeded, partially_failed, failed,"
                + " cancelled) and finished flag, its case counts, quote and cost (held, charged),"
                + " and its first cases with their parameters and KPIs, plus links to the full"
                + " table as CSV and to each case's result. Call it until finished is true."
                + " Free.")
        .inputSchema(Schemas.object(properties, List.of(EXPERIMENT_ID)))
        .annotations(SearchModelsTool.readOnly("Get an experiment"))
        .build();
  }

  @Override
  public Mono<ToolAnswer> call(Caller caller, Arguments args) {
    UUID id = experimentId(args.requiredString(EXPERIMENT_ID));
    int max = args.optionalInteger("max_cases", 0, MAX_CASES).orElse(DEFAULT_CASES);
    int offset = args.optionalInteger("cases_offset", 0, Integer.MAX_VALUE).orElse(0);
    var account = caller.account().accountId();
    return experiments
        .experiment(account, id)
        .flatMap(
            view -> {
              Map<String, Object> body = ExperimentSummary.of(view, caller);
              body.put("next_step", ExperimentSummary.nextStep(view));
              if (max == 0) {
                return Mono.just(ToolAnswer.ok(body));
              }
              return cases
                  .cases(account, id, offset, max)
                  .map(
                      slice -> {
                        body.put("case_rows", ExperimentSummary.cases(slice));
                        return ToolAnswer.ok(body);
                      });
            });
  }

  @Override
  public String notFoundHint() {
    return "Use the experiment_id start_experiment answered with your API key.";
  }

  private static UUID experimentId(String given) {
    try {
      return UUID.fromString(given.strip());
    } catch (IllegalArgumentException notAnId) {
      throw new InvalidInputException(
          EXPERIMENT_ID,
          "is not an experiment id: use the experiment_id start_experiment answered");
    }
  }
}
