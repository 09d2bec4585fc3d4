package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.in.mcp.McpConfiguration;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server at /mcp driven by the MCP Java SDK's own client over Streamable HTTP, as an agent
 * uses it: the key of the REST API, the tools listed, a run that must be paid first, paid, and run
 * with the token; refused keys, bad arguments and another account's model.
 */
class McpServerIT extends AbstractFakeProviderIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, Object> BOUNCING_BALL =
      Map.of("fmu_id", "msl:BouncingBall", "stop_time", 3, "step", 0.01, "kpis", List.of("h_max"));

  @Test
  void anAgent_listsTheTools_isToldHowToPay_paysAndSimulates() {
    Customer alice = customer();
    try (McpSyncClient mcp = connect(alice.key())) {
      List<McpSchema.Tool> tools = mcp.listTools().tools();
      assertThat(tools)
          .extracting(McpSchema.Tool::name)
          .containsExactlyElementsOf(McpConfiguration.TOOLS);
      assertThat(tools)
          .allSatisfy(
              tool -> {
                assertThat(tool.description()).hasSizeGreaterThan(80);
                assertThat(tool.inputSchema()).containsEntry("type", "object");
              });

      Map<String, Object> quote =
          answer(mcp.callTool(call("quote_simulation", BOUNCING_BALL)), false);
      assertThat(quote)
          .containsEntry("quote_credits", 10)
          .containsEntry("balance_credits", 0)
          .containsEntry("covered_by_credits", false)
          .containsEntry("amount", "1.00")
          .containsEntry("methods", List.of("card", "crypto"));

      Map<String, Object> demand = answer(mcp.callTool(call("simulate", BOUNCING_BALL)), true);
      assertThat(demand)
          .containsEntry("error", "payment_required")
          .containsEntry("amount", "1.00")
          .containsEntry("currency", "usd")
          .containsEntry("methods", List.of("card", "crypto"))
          .containsKeys("checkout_url", "session_id");
      String sessionId = (String) demand.get("session_id");
      assertThat((String) demand.get("next_step"))
          .contains("checkout_url", "/payments/checkout/" + sessionId, "payment_token");

      pay(sessionId);
      String token = token(alice.client(), sessionId);
      Map<String, Object> paid = new java.util.HashMap<>(BOUNCING_BALL);
      paid.put("payment_token", token);
      Map<String, Object> run = answer(mcp.callTool(call("simulate", paid)), false);

      assertThat(run).containsEntry("status", "ok").containsKeys("run_id", "full_csv");
      assertThat((Map<String, Object>) run.get("kpis")).containsKey("h_max");
      assertThat(((Number) ((Map<?, ?>) run.get("kpis")).get("h_max")).doubleValue())
          .isEqualTo(1.0);
      assertThat((Map<String, Object>) run.get("cost")).containsEntry("paid_with", "payment_token");
      Map<?, ?> results = (Map<?, ?>) run.get("results");
      assertThat((List<?>) results.get("rows")).hasSize(200);
      assertThat(results.get("total_rows")).isEqualTo(301);
      assertThat(((List<?>) results.get("columns")).get(0)).isEqualTo("time");
      assertThat((String) ((Map<?, ?>) run.get("full_csv")).get("curl"))
          .contains("/simulate", "Accept: text/csv")
          .doesNotContain(token);

      // The full CSV is the same request to the REST API, which takes it as it is (its strict
      // parser would refuse a field it does not know; this one is only priced).
      String body = (String) ((Map<?, ?>) run.get("full_csv")).get("body");
      simulate(alice.client(), body.replace("}", ",\"quote_only\":true}"))
          .expectStatus()
          .isEqualTo(HttpStatus.PAYMENT_REQUIRED);

      // The token paid for one run: the same call again is refused, naming the argument.
      assertThat(answer(mcp.callTool(call("simulate", paid)), true))
          .containsEntry("error", "payment_token_gone")
          .containsEntry("argument", "payment_token");
    }
  }

  @Test
  void describeAndSearch_seeTheLibraryAndOwnUploads_neverAnotherAccountsModel() throws Exception {
    Customer alice = customer();
    Customer bob = customer();
    String upload =
        (String) FmuApiIT.upload(alice.client(), FmuApiIT.libraryFmu("Counter"), 201).get("id");
    try (McpSyncClient asAlice = connect(alice.key());
        McpSyncClient asBob = connect(bob.key())) {
      Map<String, Object> described =
          answer(
              asAlice.callTool(call("describe_model", Map.of("fmu_id", "msl:BouncingBall"))),
              false);
      assertThat(described)
          .containsEntry("fmu_id", "lib:BouncingBall")
          .containsEntry("fmi_version", "2.0")
          .containsEntry("built_in", true)
          .containsKeys("interfaces", "default_experiment", "variables");
      assertThat((List<Map<String, Object>>) described.get("variables"))
          .anySatisfy(v -> assertThat(v).containsEntry("name", "h").containsKey("start"));

      Map<String, Object> mine =
          answer(asAlice.callTool(call("search_models", Map.of("query", "count"))), false);
      assertThat((List<Map<String, Object>>) mine.get("models"))
          .extracting(m -> m.get("fmu_id"))
          .contains(upload, "lib:Counter");
      Map<String, Object> theirs =
          answer(asBob.callTool(call("search_models", Map.of("query", "count"))), false);
      assertThat((List<Map<String, Object>>) theirs.get("models"))
          .extracting(m -> m.get("fmu_id"))
          .doesNotContain(upload)
          .contains("lib:Counter");

      assertThat(answer(asBob.callTool(call("describe_model", Map.of("fmu_id", upload))), true))
          .containsEntry("error", "not_found");
      assertThat(
              answer(
                  asBob.callTool(call("simulate", Map.of("fmu_id", upload, "stop_time", 1))), true))
          .containsEntry("error", "not_found");
    }
  }

  @Test
  void badArguments_areToolErrorsNamingTheArgument_andNothingIsCharged() {
    Customer alice = customer();
    try (McpSyncClient mcp = connect(alice.key())) {
      assertThat(answer(mcp.callTool(call("simulate", Map.of("stop_time", 3))), true))
          .containsEntry("error", "invalid_argument")
          .containsEntry("argument", "fmu_id");
      assertThat(
              answer(
                  mcp.callTool(
                      call("simulate", Map.of("fmu_id", "msl:BouncingBall", "stop_time", "soon"))),
                  true))
          .containsEntry("argument", "stop_time")
          .containsEntry("message", "stop_time: must be a number");
      assertThat(
              answer(
                  mcp.callTool(
                      call(
                          "quote_simulation", Map.of("fmu_id", "msl:BouncingBall", "stop_tme", 3))),
                  true))
          .containsEntry("argument", "stop_tme");
      assertThat(
              answer(
                  mcp.callTool(
                      call(
                          "simulate",
                          Map.of("fmu_id", "msl:BouncingBall", "start_values", Map.of("nope", 1)))),
                  true))
          .containsEntry("error", "invalid_argument")
          .containsEntry("argument", "start_values.nope");
      assertThat(
              answer(
                  mcp.callTool(
                      call(
                          "simulate",
                          Map.of("fmu_id", "msl:BouncingBall", "stop_time", 1, "start_time", 2))),
                  true))
          .containsEntry("argument", "stop_time");
      assertThat(
              answer(
                  mcp.callTool(
                      call(
                          "describe_model",
                          Map.of("fmu_id", "msl:BouncingBall", "variables_limit", 0))),
                  true))
          .containsEntry("argument", "variables_limit");
    }
    alice.client().get().uri("/runs").exchange().expectStatus().isOk().expectBody().json("[]");
  }

  @Test
  void aWrongOrMissingKey_isRefusedWith401_asByTheRestApi() {
    assertThatThrownBy(() -> connect("fmugw_not-a-key").close()).isInstanceOf(Exception.class);
    for (String header : new String[] {"Bearer fmugw_not-a-key", null}) {
      client
          .post()
          .uri(McpConfiguration.ENDPOINT)
          .headers(
              h -> {
                if (header != null) {
                  h.set(HttpHeaders.AUTHORIZATION, header);
                }
              })
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
          .bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.UNAUTHORIZED)
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectHeader()
          .exists(HttpHeaders.WWW_AUTHENTICATE);
    }
  }

  @Test
  void llmsFullTxt_describesEveryToolTheServerLists_atTheAddressItServesOn() {
    Customer alice = customer();
    String text =
        client
            .get()
            .uri("/llms-full.txt")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(text).contains("`http://localhost:" + port + "/mcp`");
    try (McpSyncClient mcp = connect(alice.key())) {
      assertThat(mcp.listTools().tools())
          .allSatisfy(tool -> assertThat(text).contains("`" + tool.name() + "`"));
    }
  }

  @Test
  void theOpenApiDocument_leavesMcpOut() {
    @SuppressWarnings("unchecked")
    Map<String, Object> paths =
        (Map<String, Object>)
            client
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("paths");
    assertThat(paths).isNotEmpty().doesNotContainKey(McpConfiguration.ENDPOINT);
  }

  private McpSyncClient connect(String key) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
            .endpoint(McpConfiguration.ENDPOINT)
            .requestBuilder(
                HttpRequest.newBuilder().header(HttpHeaders.AUTHORIZATION, "Bearer " + key))
            .build();
    McpSyncClient mcp =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("McpServerIT", "1"))
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    mcp.initialize();
    return mcp;
  }

  private static McpSchema.CallToolRequest call(String tool, Map<String, Object> arguments) {
    return new McpSchema.CallToolRequest(tool, arguments);
  }

  /** The tool's JSON answer, after checking whether it is an error. */
  private static Map<String, Object> answer(McpSchema.CallToolResult result, boolean error) {
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(result.isError()).as(text).isEqualTo(error);
    return JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
  }
}
