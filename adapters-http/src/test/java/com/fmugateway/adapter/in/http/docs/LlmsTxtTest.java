package com.fmugateway.adapter.in.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PriceList;
import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.shared.model.Money;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@HttpSliceTest
class LlmsTxtTest {

  private static final Pattern OPERATION =
      Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s?]*)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Autowired WebTestClient client;

  @Test
  void llmsTxt_isServedWithoutAKey_asPlainTextInTheConventionsShape() {
    String text = llmsTxt();

    assertThat(text).startsWith("# FMU Gateway\n\n> ");
    assertThat(text)
        .contains("POST /keys", "402", "checkout_url", "payment_token", "/v3/api-docs")
        .contains("a run costs 10 credits", "Payment methods:");
  }

  @Test
  void llmsTxt_pointsToTheMcpServerAndTheFullDocument() {
    assertThat(llmsTxt()).contains("/mcp`", "/llms-full.txt)", "simulate");
  }

  @Test
  void llmsFullTxt_isServedWithoutAKey_withThePricesInForceAndTheMcpTools() {
    String text = llms("/llms-full.txt");

    assertThat(text).startsWith("# FMU Gateway");
    assertThat(text)
        .contains("A run costs 10 credits", "Payment methods:", "pack `10`")
        .contains("402", "checkout_url", "payment_token", "quote_only", "Accept: text/csv")
        .contains("/mcp`", "search_models", "describe_model", "quote_simulation", "`simulate`")
        .contains("\"mcpServers\"", "Authorization")
        .contains("`clock_ticks`", "`clock_events`", "cs|me|se|auto");
  }

  @Test
  void llmsFullTxt_describesExperiments_theExperimentTools_andWhetherX402IsAccepted() {
    String text = llms("/llms-full.txt");

    assertThat(text)
        .contains("`POST /experiments`", "`GET /experiments/{id}/cases", "latin_hypercube")
        .contains("`start_experiment`", "`get_experiment`")
        .contains("x402 is not accepted by this gateway", "PAYMENT-SIGNATURE");
    assertThat(text)
        .as("clock ticks are not for synchronous runs only")
        .contains("takes `clock_ticks` as `/simulate` does")
        .contains("with `\"async\":true` and with `POST /experiments`")
        .contains("clock_ticks?, payment_token?");
    assertThat(llmsTxt())
        .contains("`POST /experiments`", "start_experiment", "get_experiment")
        .contains("x402 payments are not accepted");
  }

  @Test
  void givenX402_bothTexts_stateItsRequirementsAndHeaders_fromTheConfiguration() {
    X402Terms terms =
        new X402Terms(
            X402Terms.EXACT, "eip155:8453", "0xAsset", "1000000", "0xPayee", 300, "USD Coin", "2");
    Pricing prices =
        new Pricing(
            new PriceList(10, 0),
            new TierPolicy(Tier.FREE, 100, 10),
            new Money(100, "usd"),
            List.of(),
            List.of(),
            Optional.of(terms));

    String full = LlmsFullTxt.text("https://gw.example", prices);
    String brief = LlmsTxtController.text("https://gw.example", prices);

    assertThat(full)
        .contains("PAYMENT-REQUIRED", "PAYMENT-SIGNATURE", "PAYMENT-RESPONSE")
        .contains("\"network\":\"eip155:8453\"", "\"amount\":\"1000000\"", "\"payTo\":\"0xPayee\"")
        .contains("\"url\":\"https://gw.example/simulate\"")
        .doesNotContain("x402 is not accepted");
    assertThat(brief)
        .contains(
            "PAYMENT-REQUIRED", "PAYMENT-SIGNATURE", "1000000 atomic units per run of 0xAsset");
  }

  @Test
  void llmsFullTxt_describesEveryOperationOfTheOpenApiDocument_andNoOtherOfTheApi() {
    String text = llms("/llms-full.txt");
    Set<String> documented = documented();

    Set<String> mentioned = mentioned(text);
    assertThat(mentioned).containsAll(documented);
    // Outside the OpenAPI document on purpose: the documents themselves, and webhooks, which are
    // for payment providers only.
    assertThat(documented)
        .containsAll(without(mentioned, "GET /docs", "GET /v3/api-docs", "POST /webhooks/{}"));
    for (String path : links(text)) {
      client.get().uri(path).exchange().expectStatus().isOk();
    }
  }

  @Test
  void everyOperationItMentions_isInTheOpenApiDocument_andEveryLinkAnswers() {
    String text = llmsTxt();
    Set<String> documented = documented();

    List<String> mentioned = new ArrayList<>(mentioned(text));
    assertThat(mentioned).hasSizeGreaterThan(10);
    assertThat(documented).containsAll(mentioned);

    List<String> links = links(text);
    assertThat(links).contains("/v3/api-docs", "/docs", "/llms-full.txt");
    for (String path : links) {
      client.get().uri(path).exchange().expectStatus().isOk();
    }
  }

  private Set<String> documented() {
    Map<?, ?> paths =
        (Map<?, ?>)
            client
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("paths");
    Set<String> documented =
        paths.entrySet().stream()
            .flatMap(
                path ->
                    ((Map<?, ?>) path.getValue())
                        .keySet().stream()
                            .map(
                                m ->
                                    m.toString().toUpperCase()
                                        + " "
                                        + shape(path.getKey().toString())))
            .collect(Collectors.toSet());
    return documented;
  }

  private static Set<String> mentioned(String text) {
    Set<String> mentioned = new java.util.TreeSet<>();
    Matcher operation = OPERATION.matcher(text);
    while (operation.find()) {
      mentioned.add(operation.group(1) + " " + shape(operation.group(2)));
    }
    return mentioned;
  }

  private static List<String> links(String text) {
    Matcher link = LINK.matcher(text);
    List<String> links = new ArrayList<>();
    while (link.find()) {
      links.add(URI.create(link.group(1)).getPath());
    }
    return links;
  }

  private static Set<String> without(Set<String> operations, String... left) {
    Set<String> rest = new java.util.TreeSet<>(operations);
    rest.removeAll(Set.of(left));
    return rest;
  }

  private String llmsTxt() {
    return llms("/llms.txt");
  }

  private String llms(String path) {
    return client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code /fmus/{id}} and {@code /fmus/{fmu_id}} are the same path. */
  private static String shape(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }
}
