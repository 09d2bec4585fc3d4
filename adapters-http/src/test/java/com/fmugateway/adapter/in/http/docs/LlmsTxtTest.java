package com.fmugateway.adapter.in.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.HttpSliceTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  void everyOperationItMentions_isInTheOpenApiDocument_andEveryLinkAnswers() {
    String text = llmsTxt();
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

    List<String> mentioned = new ArrayList<>();
    Matcher operation = OPERATION.matcher(text);
    while (operation.find()) {
      mentioned.add(operation.group(1) + " " + shape(operation.group(2)));
    }
    assertThat(mentioned).hasSizeGreaterThan(10);
    assertThat(documented).containsAll(mentioned);

    Matcher link = LINK.matcher(text);
    List<String> links = new ArrayList<>();
    while (link.find()) {
      links.add(URI.create(link.group(1)).getPath());
    }
    assertThat(links).contains("/v3/api-docs", "/docs");
    for (String path : links) {
      client.get().uri(path).exchange().expectStatus().isOk();
    }
  }

  private String llmsTxt() {
    return client
        .get()
        .uri("/llms.txt")
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
