package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import com.fmugateway.domain.experiment.port.in.GetExperimentQuery;
import com.fmugateway.domain.experiment.port.in.ListCasesQuery;
import com.fmugateway.domain.experiment.port.in.StartExperimentUseCase;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListFmusQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.springframework.ai.mcp.server.webflux.transport.WebFluxStatelessServerTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP adapter: a stateless Streamable HTTP server at {@value #ENDPOINT} with the gateway's
 * tools (ADR 0012). Authentication is the API's: {@code /mcp} sits behind the same bearer-key
 * security chain as every other API route, so this adapter only reads the caller it established.
 */
@Configuration(proxyBeanMethods = false)
public class McpConfiguration {

  public static final String ENDPOINT = "/mcp";

  /** The tools' names, in the order {@code tools/list} gives them (for docs and tests). */
  public static final List<String> TOOLS =
      List.of(
          SearchModelsTool.NAME,
          DescribeModelTool.NAME,
          QuoteSimulationTool.NAME,
          SimulateTool.NAME,
          StartExperimentTool.NAME,
          GetExperimentTool.NAME);

  private static final String INSTRUCTIONS =
      "FMU Gateway runs FMI simulations (FMUs) and charges credits per run. Typical use:"
          + " search_models to find a model (e.g. msl:BouncingBall), describe_model for its"
          + " variables and defaults, quote_simulation for the price, simulate to run it and get"
          + " KPIs. When credits are short, simulate answers payment_required with a checkout_url"
          + " and the steps to pay; then call simulate again with the payment_token. For many"
          + " runs of one model (parameter sweeps), start_experiment queues them and"
          + " get_experiment reports their progress, KPIs per case and the full table as CSV.";

  /** Answers of the tools; its own mapper, so the API's strict request settings stay out of it. */
  private static final JsonMapper ANSWERS = JsonMapper.builder().build();

  @Bean
  WebFluxStatelessServerTransport mcpTransport() {
    return WebFluxStatelessServerTransport.builder()
        .messageEndpoint(ENDPOINT)
        .contextExtractor(
            request ->
                McpTransportContext.create(Map.of(ToolSpecifications.BASE_URL, baseUrl(request))))
        .build();
  }

  @Bean(destroyMethod = "close")
  McpStatelessAsyncServer mcpServer(
      WebFluxStatelessServerTransport transport,
      ListLibraryQuery library,
      ListFmusQuery uploads,
      GetFmuQuery fmus,
      SimulateUseCase simulate,
      EnforceRateLimitUseCase limits,
      StartExperimentUseCase startExperiment,
      GetExperimentQuery experiments,
      ListCasesQuery cases) {
    List<GatewayTool> tools =
        tools(
            library,
            uploads,
            fmus,
            simulate,
            limits,
            new ExperimentPorts(startExperiment, experiments, cases));
    return McpServer.async(transport)
        .serverInfo("fmu-gateway", version())
        .instructions(INSTRUCTIONS)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        // Arguments are checked by each tool, so errors name them in the API's words.
        .validateToolInputs(false)
        .tools(ToolSpecifications.of(tools, ANSWERS))
        .build();
  }

  static List<GatewayTool> tools(
      ListLibraryQuery library,
      ListFmusQuery uploads,
      GetFmuQuery fmus,
      SimulateUseCase simulate,
      EnforceRateLimitUseCase limits,
      ExperimentPorts experiments) {
    return List.of(
        new SearchModelsTool(library, uploads),
        new DescribeModelTool(fmus),
        new QuoteSimulationTool(simulate, limits),
        new SimulateTool(simulate, limits, ANSWERS),
        new StartExperimentTool(experiments.start()),
        new GetExperimentTool(experiments.experiment(), experiments.cases()));
  }

  /** The experiment in-ports the experiment tools call. */
  record ExperimentPorts(
      StartExperimentUseCase start, GetExperimentQuery experiment, ListCasesQuery cases) {}

  static JsonMapper answers() {
    return ANSWERS;
  }

  /** The server, built above, has given the transport its handler. */
  @Bean
  RouterFunction<?> mcpRoutes(
      WebFluxStatelessServerTransport transport, McpStatelessAsyncServer server) {
    return transport.getRouterFunction();
  }

  private static String baseUrl(ServerRequest request) {
    return UriComponentsBuilder.fromUri(request.uri())
        .replacePath(null)
        .replaceQuery(null)
        .fragment(null)
        .build()
        .toUriString();
  }

  private static String version() {
    String version = McpConfiguration.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
