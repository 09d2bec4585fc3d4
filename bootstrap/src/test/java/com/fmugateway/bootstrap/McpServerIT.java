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
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server at /mcp driven by the MCP Java SDK's own client over Streamable HTTP, as an agent
 * uses it: the key of the REST API, the tools listed, a run that must be paid first, paid, and run
 * with the token; a sweep paid for with credits and followed to its end; refused keys, bad
 * arguments, another account's model and experiment.
 */
class McpServerIT extends AbstractFakeProviderIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PAY_TO = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C";

  /** Three cases of the library's BouncingBall, one per coefficient of restitution. */
  private static final Map<String, Object> SWEEP =
      Map.of(
          "fmu_id",
          "msl:BouncingBall",
          "stop_time",
          1,
          "step",
          0.01,
          "kpis",
          List.of("h_max"),
          "sweep",
          Map.of(
              "method",
              "full_factorial",
              "parameters",
              Map.of("e", Map.of("values", List.of(0.6, 0.7, 0.8)))));

  /**
   * x402 is accepted, so its requirements must reach the agent. No payment is made with it here
   * (X402PaymentIT pays), so the facilitator is never asked and may be nowhere.
   */
  @DynamicPropertySource
  static void x402(DynamicPropertyRegistry registry) {
    registry.add("fmugw.payments.x402.pay-to", () -> PAY_TO);
    registry.add("fmugw.payments.x402.facilitator-url", () -> "http://127.0.0.1:9/x402");
  }

  private static final Map<String, Object> BOUNCING_BALL =
      Map.of("fmu_id", "msl:BouncingBall", "stop_time", 3, "step", 0.01, "kpis", List.of("h_max"));

  @Test
  void anAgent_listsTheTools_isToldHowToPay_paysAndSimulates() {
    Customer alice = customer();
    try (McpSyncClient mcp = connect(alice.key())) {
      List<McpSchema.Tool> tools = mcp.listTools().tools();
      assertThat(tools)
          .extracting(McpSchema.Tool::name)
          .containsExactly(
              "search_models",
              "describe_model",
              "quote_simulation",
              "simulate",
              "start_experiment",
              "get_experiment")
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
      // x402: the requirements the REST API's PAYMENT-REQUIRED header states for the same run.
      Map<String, Object> x402 = (Map<String, Object>) demand.get("x402");
      Map<String, Object> required = paymentRequiredHeader(alice);
      assertThat(x402).containsEntry("x402Version", 2);
      assertThat(x402.get("accepts")).isEqualTo(required.get("accepts"));
      assertThat(x402.get("resource")).isEqualTo(required.get("resource"));
      assertThat((List<Map<String, Object>>) x402.get("accepts"))
          .singleElement()
          .satisfies(
              accepts ->
                  assertThat(accepts)
                      .containsEntry("payTo", PAY_TO)
                      .containsEntry("amount", "1000000"));
      assertThat((String) demand.get("x402_next_step"))
          .contains("PAYMENT-SIGNATURE", "/simulate", "PAYMENT-RESPONSE");
      assertThat(quote).containsKey("x402");

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
  void anAgent_quotesASweep_isToldHowToPay_buysCredits_andFollowsItToTheEnd() {
    Customer alice = customer();
    try (McpSyncClient mcp = connect(alice.key())) {
      Map<String, Object> quoteOnly = new HashMap<>(SWEEP);
      quoteOnly.put("quote_only", true);
      assertThat(answer(mcp.callTool(call("start_experiment", quoteOnly)), false))
          .containsEntry("status", "quote")
          .containsEntry("quote", Map.of("credits", 30, "per_case", 10))
          .containsEntry("balance_credits", 0)
          .containsEntry("covered_by_credits", false);

      // Short of credits: nothing is queued, and the answer says exactly how to pay.
      Map<String, Object> demand = answer(mcp.callTool(call("start_experiment", SWEEP)), true);
      assertThat(demand)
          .containsEntry("error", "payment_required")
          .containsEntry("quote_credits", 30)
          .containsEntry("balance_credits", 0)
          .containsKeys("checkout_url", "session_id", "amount", "currency", "x402");
      String sessionId = (String) demand.get("session_id");
      assertThat((String) demand.get("message")).contains("nothing was queued");
      assertThat((String) demand.get("next_step"))
          .contains(
              "checkout_url",
              "/payments/checkout/" + sessionId,
              "credit pack",
              "start_experiment again");
      assertThat((String) demand.get("x402_next_step"))
          .contains("POST http://localhost:" + port + "/experiments", "PAYMENT-SIGNATURE");
      assertThat(count("SELECT COUNT(*) FROM experiments WHERE account_id = ?", uuid(alice)))
          .isZero();

      pay(sessionId);
      checkout(alice, sessionId).expectStatus().isOk();

      Map<String, Object> started = answer(mcp.callTool(call("start_experiment", SWEEP)), false);
      String id = (String) started.get("experiment_id");
      assertThat(started)
          .containsEntry("fmu_id", "lib:BouncingBall")
          .containsEntry("method", "full_factorial")
          .containsEntry("quote", Map.of("credits", 30, "per_case", 10))
          .containsKeys("status", "next_step");
      assertThat((Map<String, Object>) started.get("cases")).containsEntry("total", 3);
      assertThat((Map<String, Object>) started.get("links"))
          .containsEntry("self", "http://localhost:" + port + "/experiments/" + id);

      Map<String, Object> done = awaitFinished(mcp, id, Duration.ofMinutes(2));
      assertThat(done).containsEntry("status", "succeeded").containsEntry("finished", true);
      assertThat((Map<String, Object>) done.get("cases")).containsEntry("succeeded", 3);
      assertThat((Map<String, Object>) done.get("cost"))
          .containsEntry("charged", 30)
          .containsEntry("held", 0);
      List<Map<String, Object>> rows =
          (List<Map<String, Object>>) ((Map<String, Object>) done.get("case_rows")).get("rows");
      assertThat(rows)
          .extracting(row -> (Object) ((Map<?, ?>) row.get("parameters")).get("e"))
          .containsExactly(0.6, 0.7, 0.8);
      assertThat(rows)
          .allSatisfy(
              row -> {
                assertThat(row).containsEntry("status", "succeeded").containsEntry("cost", 10);
                assertThat((Map<String, Object>) row.get("kpis")).containsKey("h_max");
              });

      // The full table is where the answer says, as CSV: a header and one row per case.
      String csvUrl = (String) ((Map<?, ?>) done.get("links")).get("cases_csv");
      assertThat(csvUrl).isEqualTo("http://localhost:" + port + "/experiments/" + id + "/cases");
      String csv =
          alice
              .client()
              .get()
              .uri(csvUrl.substring(("http://localhost:" + port).length()))
              .accept(MediaType.parseMediaType("text/csv"))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(csv.split("\r\n")).hasSize(4);
      assertThat(csv).startsWith("index,status,e,h_max,");

      Map<String, Object> countsOnly =
          answer(
              mcp.callTool(call("get_experiment", Map.of("experiment_id", id, "max_cases", 0))),
              false);
      assertThat(countsOnly).doesNotContainKey("case_rows").containsEntry("status", "succeeded");
    }
  }

  /** Clocks3 by scheduled execution, its trigger fired at three times of the caller's. */
  private static final Map<String, Object> CLOCKS =
      Map.of(
          "fmu_id",
          "lib:Clocks3",
          "interface",
          "se",
          "stop_time",
          5,
          "start_values",
          Map.of("increment", 3),
          "clock_ticks",
          Map.of("trigger", List.of(0.3, 1.0, 2.25)));

  @Test
  void anAgent_runsAScheduledExecutionWithClockTicks_aloneAndAsASweep_andSeesTheClockEvents() {
    Customer alice = customer();
    try (McpSyncClient mcp = connect(alice.key())) {
      assertThat(
              answer(
                  mcp.callTool(
                      call(
                          "simulate",
                          Map.of(
                              "fmu_id",
                              "lib:Clocks3",
                              "interface",
                              "se",
                              "clock_ticks",
                              Map.of("nope", List.of(1.0))))),
                  true))
          .containsEntry("error", "invalid_argument")
          .containsEntry("argument", "clock_ticks.nope");

      Map<String, Object> sweep = new HashMap<>(CLOCKS);
      sweep.put(
          "sweep",
          Map.of(
              "method",
              "cases",
              "cases",
              List.of(
                  Map.of("start_values", Map.of("increment", 1)),
                  Map.of("start_values", Map.of("increment", 2)))));
      String sessionId =
          (String) answer(mcp.callTool(call("start_experiment", sweep)), true).get("session_id");
      pay(sessionId);
      checkout(alice, sessionId).expectStatus().isOk();
      String id =
          (String)
              answer(mcp.callTool(call("start_experiment", sweep)), false).get("experiment_id");
      assertThat(awaitFinished(mcp, id, Duration.ofMinutes(2)))
          .containsEntry("status", "succeeded");
      for (int index = 0; index < 2; index++) {
        Map<?, ?> result =
            alice
                .client()
                .get()
                .uri("/experiments/" + id + "/cases/" + index)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        // model.c: three triggers each add the case's increment; outClock every 2nd tick.
        List<?> sums = (List<?>) ((Map<?, ?>) result.get("results")).get("sum");
        assertThat(sums.get(sums.size() - 1)).isEqualTo(3 * (index + 1));
        assertThat(result.get("clock_events"))
            .isEqualTo(Map.of("outClock", List.of(0.5, 1.5, 2.5, 3.5, 4.5)));
      }

      Map<String, Object> run = answer(mcp.callTool(call("simulate", CLOCKS)), false);
      assertThat((Map<String, Object>) run.get("final_values"))
          .containsEntry("ticks", 11)
          .containsEntry("triggers", 3)
          .containsEntry("sum", 9)
          .containsEntry("countdowns", 3)
          .containsEntry("outTicks", 5);
      assertThat(run.get("clock_events"))
          .isEqualTo(Map.of("outClock", List.of(0.5, 1.5, 2.5, 3.5, 4.5)));
    }
  }

  @Test
  void anotherAccountsExperiment_isNotFound_exactlyLikeAnUnknownId() {
    Customer alice = customer();
    Customer bob = customer();
    String theirs = startPaidExperiment(alice);
    String unknown = UUID.randomUUID().toString();
    try (McpSyncClient asBob = connect(bob.key())) {
      Map<String, Object> forTheirs =
          answer(asBob.callTool(call("get_experiment", Map.of("experiment_id", theirs))), true);
      Map<String, Object> forUnknown =
          answer(asBob.callTool(call("get_experiment", Map.of("experiment_id", unknown))), true);

      assertThat(forTheirs).containsEntry("error", "not_found");
      assertThat(forTheirs.toString().replace(theirs, "<id>"))
          .isEqualTo(forUnknown.toString().replace(unknown, "<id>"));
    }
  }

  @Test
  void badExperimentArguments_areToolErrorsNamingTheArgument() {
    Customer alice = customer();
    try (McpSyncClient mcp = connect(alice.key())) {
      Map<String, Object> grid = new HashMap<>(SWEEP);
      grid.put("sweep", Map.of("method", "grid"));
      assertThat(answer(mcp.callTool(call("start_experiment", grid)), true))
          .containsEntry("error", "invalid_argument")
          .containsEntry("argument", "sweep.method");
      Map<String, Object> noSweep = new HashMap<>(SWEEP);
      noSweep.remove("sweep");
      assertThat(answer(mcp.callTool(call("start_experiment", noSweep)), true))
          .containsEntry("argument", "sweep");
      Map<String, Object> unknownVariable = new HashMap<>(SWEEP);
      unknownVariable.put(
          "sweep",
          Map.of(
              "method",
              "full_factorial",
              "parameters",
              Map.of("nope", Map.of("values", List.of(1)))));
      assertThat(answer(mcp.callTool(call("start_experiment", unknownVariable)), true))
          .containsEntry("argument", "sweep.parameters.nope");
      assertThat(
              answer(mcp.callTool(call("get_experiment", Map.of("experiment_id", "nope"))), true))
          .containsEntry("argument", "experiment_id");
    }
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

  /** Buys the customer a credit pack through the fake provider and starts {@link #SWEEP}. */
  private String startPaidExperiment(Customer customer) {
    try (McpSyncClient mcp = connect(customer.key())) {
      String sessionId =
          (String) answer(mcp.callTool(call("start_experiment", SWEEP)), true).get("session_id");
      pay(sessionId);
      checkout(customer, sessionId).expectStatus().isOk();
      return (String)
          answer(mcp.callTool(call("start_experiment", SWEEP)), false).get("experiment_id");
    }
  }

  /** Polls get_experiment until it says finished; fails once {@code within} has passed. */
  private static Map<String, Object> awaitFinished(McpSyncClient mcp, String id, Duration within) {
    Instant giveUp = Instant.now().plus(within);
    while (true) {
      Map<String, Object> experiment =
          answer(mcp.callTool(call("get_experiment", Map.of("experiment_id", id))), false);
      if (Boolean.TRUE.equals(experiment.get("finished"))) {
        return experiment;
      }
      assertThat(Instant.now()).as("experiment %s still %s", id, experiment).isBefore(giveUp);
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  /** The decoded PAYMENT-REQUIRED header of the REST API's 402 for {@link #BOUNCING_BALL}. */
  private Map<String, Object> paymentRequiredHeader(Customer customer) {
    String header =
        simulate(customer.client(), JSON.writeValueAsString(BOUNCING_BALL))
            .expectStatus()
            .isEqualTo(HttpStatus.PAYMENT_REQUIRED)
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("PAYMENT-REQUIRED");
    return JSON.readValue(
        Base64.getDecoder().decode(header), new TypeReference<Map<String, Object>>() {});
  }

  private static UUID uuid(Customer customer) {
    return UUID.fromString(customer.accountId());
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
