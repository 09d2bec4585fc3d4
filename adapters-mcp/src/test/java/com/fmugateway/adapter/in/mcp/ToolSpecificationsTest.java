package com.fmugateway.adapter.in.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.account.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import tools.jackson.core.type.TypeReference;

/**
 * The tools as the SDK calls them, over the real use cases on in-memory fakes: the caller comes
 * from the security context, a run the credits do not cover answers how to pay, and nothing answers
 * without an authenticated caller. (This gateway grants no free credits.)
 */
class ToolSpecificationsTest {

  private static final String BASE = "http://gateway.test";

  private static final Map<String, Object> SWEEP =
      Map.of(
          "fmu_id",
          "lib:AllTypes",
          "sweep",
          Map.of(
              "method",
              "full_factorial",
              "parameters",
              Map.of("real_param", Map.of("values", List.of(1, 2, 3)))));

  private final InMemoryGateway gateway = new InMemoryGateway();
  private final List<AsyncToolSpecification> tools =
      ToolSpecifications.of(
          McpConfiguration.tools(
              gateway.fmus,
              gateway.fmus,
              gateway.fmus,
              gateway.simulate,
              gateway.rateLimits,
              new McpConfiguration.ExperimentPorts(
                  gateway.startExperiment, gateway.experiments, gateway.experiments)),
          McpConfiguration.answers());

  @Test
  void theToolsAreTheOnesTheConfigurationNames() {
    assertThat(tools).extracting(t -> t.tool().name()).isEqualTo(McpConfiguration.TOOLS);
  }

  @Test
  void aRunTheCreditsDoNotCover_answersTheCheckoutAndHowToUseIt() {
    AuthenticatedAccount caller = newAccount();

    McpSchema.CallToolResult result = call(caller, "simulate", Map.of("fmu_id", "lib:AllTypes"));

    assertThat(result.isError()).isTrue();
    Map<String, Object> answer = json(result);
    assertThat(answer)
        .containsEntry("error", "payment_required")
        .containsEntry("quote_credits", 10)
        .containsEntry("balance_credits", 0)
        .containsKeys("checkout_url", "session_id", "methods", "amount", "currency");
    assertThat((String) answer.get("next_step"))
        .contains(BASE + "/payments/checkout/" + answer.get("session_id"))
        .contains("payment_token", "simulate");
  }

  @Test
  void aQuote_isNotAnError_andOpensNoCheckout() {
    McpSchema.CallToolResult result =
        call(newAccount(), "quote_simulation", Map.of("fmu_id", "lib:AllTypes"));

    assertThat(result.isError()).isFalse();
    assertThat(json(result))
        .containsEntry("covered_by_credits", false)
        .containsEntry("quote_credits", 10)
        .doesNotContainKey("checkout_url");
  }

  @Test
  void anExperimentTheCreditsDoNotCover_answersHowToPay_andQueuesNothing() {
    McpSchema.CallToolResult result = call(newAccount(), "start_experiment", SWEEP);

    assertThat(result.isError()).isTrue();
    Map<String, Object> answer = json(result);
    assertThat(answer)
        .containsEntry("error", "payment_required")
        .containsEntry("quote_credits", 30)
        .containsKeys("next_step", "message");
    assertThat((String) answer.get("message")).contains("nothing was queued");
    assertThat(gateway.caseQueue.size()).isZero();
  }

  @Test
  void anExperimentQuote_isNotAnError_andCountsTheCases() {
    Map<String, Object> arguments = new java.util.HashMap<>(SWEEP);
    arguments.put("quote_only", true);

    McpSchema.CallToolResult result = call(newAccount(), "start_experiment", arguments);

    assertThat(result.isError()).isFalse();
    assertThat(json(result))
        .containsEntry("status", "quote")
        .containsEntry("quote", Map.of("credits", 30, "per_case", 10))
        .containsEntry("covered_by_credits", false);
  }

  @Test
  void aBadSweep_isAToolErrorNamingTheField() {
    Map<String, Object> arguments = new java.util.HashMap<>(SWEEP);
    arguments.put(
        "sweep",
        Map.of(
            "method",
            "full_factorial",
            "parameters",
            Map.of("real_param", Map.of("range", Map.of("start", 1, "stop", 2)))));

    Map<String, Object> answer = json(call(newAccount(), "start_experiment", arguments));

    assertThat(answer)
        .containsEntry("error", "invalid_argument")
        .containsEntry("argument", "sweep.parameters.real_param.range.num");
    arguments.put("sweep", Map.of("method", "grid"));
    assertThat(json(call(newAccount(), "start_experiment", arguments)))
        .containsEntry("argument", "sweep.method");
  }

  @Test
  void anUnknownExperimentId_andAMalformedOne_areToolErrors() {
    AuthenticatedAccount caller = newAccount();
    String unknown = java.util.UUID.randomUUID().toString();

    assertThat(json(call(caller, "get_experiment", Map.of("experiment_id", unknown))))
        .containsEntry("error", "not_found")
        .containsEntry(
            "message",
            "no experiment "
                + unknown
                + ". Use the experiment_id start_experiment answered with your API key.");
    assertThat(json(call(caller, "get_experiment", Map.of("experiment_id", "nope"))))
        .containsEntry("argument", "experiment_id");
  }

  @Test
  void withoutAnAuthenticatedCaller_noToolAnswersAnythingButHowToAuthenticate() {
    McpSchema.CallToolResult result =
        spec("search_models")
            .callHandler()
            .apply(context(), new McpSchema.CallToolRequest("search_models", Map.of()))
            .block();

    assertThat(result.isError()).isTrue();
    assertThat(json(result)).containsEntry("error", "unauthenticated");
  }

  private AuthenticatedAccount newAccount() {
    ApiKey key = gateway.issueApiKey.issue(IssueApiKeyCommand.newAccount()).block().key();
    return new AuthenticatedAccount(key.accountId(), key.id());
  }

  private McpSchema.CallToolResult call(
      AuthenticatedAccount caller, String tool, Map<String, Object> arguments) {
    return spec(tool)
        .callHandler()
        .apply(context(), new McpSchema.CallToolRequest(tool, arguments))
        .contextWrite(
            ReactiveSecurityContextHolder.withAuthentication(
                new UsernamePasswordAuthenticationToken(caller, null, List.of())))
        .block();
  }

  private AsyncToolSpecification spec(String name) {
    return tools.stream().filter(t -> t.tool().name().equals(name)).findFirst().orElseThrow();
  }

  private static McpTransportContext context() {
    return McpTransportContext.create(Map.of(ToolSpecifications.BASE_URL, BASE));
  }

  private static Map<String, Object> json(McpSchema.CallToolResult result) {
    return McpConfiguration.answers()
        .readValue(
            ((McpSchema.TextContent) result.content().get(0)).text(),
            new TypeReference<Map<String, Object>>() {});
  }
}
