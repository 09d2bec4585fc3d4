package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.model.VariablePage;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import reactor.core.publisher.Mono;

/**
 * {@code describe_model}: an FMU's variables with their defaults, its interfaces and FMI version.
 */
final class DescribeModelTool implements GatewayTool {

  static final String NAME = "describe_model";
  static final int MAX_VARIABLES = 1_000;
  private static final int DEFAULT_VARIABLES = 200;

  private final GetFmuQuery fmus;

  DescribeModelTool(GetFmuQuery fmus) {
    this.fmus = fmus;
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        RunArguments.FMU_ID,
        Schemas.string(
            "The model: a library id (lib:<Name> or msl:<Name>) or one of your uploads' ids.",
            "msl:BouncingBall"));
    properties.put(
        "variables_offset",
        Schemas.integer("Skip this many variables (paging); default 0.", 0, Integer.MAX_VALUE));
    properties.put(
        "variables_limit",
        Schemas.integer(
            "Variables to return at most; default " + DEFAULT_VARIABLES + ".", 1, MAX_VARIABLES));
    return McpSchema.Tool.builder(NAME)
        .title("Describe a model")
        .description(
            "Describe one FMU: FMI version, interfaces (cs, me), the default experiment (start,"
                + " stop, step, tolerance) and its variables with type, causality (parameter,"
                + " input, output, local, …), start value (the default), unit, bounds and whether"
                + " you may set it (settable: pass it in start_values). Outputs are what simulate"
                + " returns by default; KPIs are named <variable>_<rms|mean|min|max|peak|final>."
                + " Free.")
        .inputSchema(Schemas.object(properties, List.of(RunArguments.FMU_ID)))
        .annotations(SearchModelsTool.readOnly("Describe a model"))
        .build();
  }

  @Override
  public Mono<ToolAnswer> call(Caller caller, Arguments args) {
    FmuId id = new FmuId(args.requiredString(RunArguments.FMU_ID));
    int offset = args.optionalInteger("variables_offset", 0, Integer.MAX_VALUE).orElse(0);
    int limit = args.optionalInteger("variables_limit", 1, MAX_VARIABLES).orElse(DEFAULT_VARIABLES);
    return fmus.fmu(caller.account().accountId(), id).map(fmu -> describe(fmu, offset, limit));
  }

  private static ToolAnswer describe(ResolvedFmu fmu, int offset, int limit) {
    ModelDescription model = fmu.description();
    VariablePage page = VariablePage.of(model.variables(), offset, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fmu_id", fmu.artifact().id().value());
    body.put("model_name", model.modelName());
    body.put("built_in", fmu.upload().isEmpty());
    body.put("fmi_version", model.fmiVersion());
    body.put("interfaces", model.interfaces().stream().sorted().map(FmuInterface::code).toList());
    model.description().ifPresent(d -> body.put("description", d));
    model.generationTool().ifPresent(t -> body.put("generation_tool", t));
    body.put("default_experiment", experiment(model.defaultExperiment()));
    body.put("outputs", model.outputs().stream().map(ModelVariable::name).toList());
    body.put("variables_total", page.total());
    body.put("variables_offset", page.offset());
    body.put("variables", page.variables().stream().map(DescribeModelTool::variable).toList());
    if (page.hasNext()) {
      body.put(
          "next_step",
          "More variables follow: call describe_model again with variables_offset "
              + (page.offset() + page.variables().size())
              + ".");
    } else {
      body.put(
          "next_step",
          "quote_simulation or simulate with this fmu_id; set start_values for settable"
              + " variables and ask for kpis such as <output>_max.");
    }
    return ToolAnswer.ok(body);
  }

  private static Map<String, Object> experiment(DefaultExperiment experiment) {
    Map<String, Object> values = new LinkedHashMap<>();
    put(values, "start_time", experiment.startTime());
    put(values, "stop_time", experiment.stopTime());
    put(values, "step_size", experiment.stepSize());
    put(values, "tolerance", experiment.tolerance());
    return values;
  }

  private static Map<String, Object> variable(ModelVariable v) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("name", v.name());
    variable.put("type", v.type().name().toLowerCase(Locale.ROOT));
    variable.put("causality", camel(v.causality().name()));
    variable.put("variability", camel(v.variability().name()));
    v.start().ifPresent(s -> variable.put("start", s));
    v.unit().ifPresent(u -> variable.put("unit", u));
    put(variable, "min", v.min());
    put(variable, "max", v.max());
    v.description().ifPresent(d -> variable.put("description", d));
    variable.put("settable", v.acceptsStartValue());
    return variable;
  }

  private static void put(Map<String, Object> map, String key, OptionalDouble value) {
    value.ifPresent(d -> map.put(key, d));
  }

  /** {@code CALCULATED_PARAMETER} as FMI spells it: {@code calculatedParameter}. */
  private static String camel(String constant) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
