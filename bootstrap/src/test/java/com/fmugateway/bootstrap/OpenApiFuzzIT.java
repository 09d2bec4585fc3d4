package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The issue's done-criterion: derived from {@code /v3/api-docs}, every member of every JSON request
 * body, every parameter and every body as a whole gets malformed values (wrong types, null, huge
 * and NUL-bearing strings, numbers beyond double and long, NaN-ish text, empty and nested
 * containers) over real HTTP with a valid key; no answer is a 5xx, and every 4xx is problem+json.
 * Operations the document gains later fail here until they get a baseline request below.
 */
class OpenApiFuzzIT extends AbstractOperatorIT {

  private static final String HUGE = "x".repeat(100_000);

  /** Malformed JSON values, whatever the member's type. */
  private static final List<String> VALUES =
      List.of(
          "null",
          "true",
          "-1",
          "1e400",
          "9223372036854775808",
          "\"\"",
          "\"NaN\"",
          "\"a\\u0000b\"",
          "\"\\ud800\"",
          "\"" + HUGE + "\"",
          "{}",
          "{\"a\":null}",
          "[]",
          "[null]",
          "[1e400]",
          "[{}]");

  /** Whole bodies that are not the object an operation reads. */
  private static final List<String> BODIES =
      List.of("", "null", "[]", "\"x\"", "1", "{", "{\"a\":", "{}}", "[".repeat(5000), "\u0000");

  private static final List<String> QUERY_VALUES =
      List.of(
          "",
          "abc",
          "-1",
          "1.5",
          "99999999999999999999",
          "-999999999-01-01",
          "%00",
          "x".repeat(2000));

  private static final List<String> PATH_VALUES =
      List.of(
          "%00", "..", "%2e%2e", "%2F", "%25", "%F0%9F%92%A5", "lib:", "msl:%00", "x".repeat(2000));

  /** Requests in flight at once: enough to keep both cores and the database busy. */
  private static final int PARALLEL = 4;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private final Semaphore inFlight = new Semaphore(PARALLEL);
  private final Map<String, Long> millis = new LinkedHashMap<>();
  private int requests;

  @Test
  void malformedValuesForEveryFieldOfEveryOperation_neverAnswer5xx() throws Exception {
    OpenApiContract contract = new OpenApiContract(OpenApiContractIT.fetch(client, "/v3/api-docs"));
    String customer = fundedCustomer();
    String operator = operatorKey();
    Map<String, Baseline> baselines = baselines(customer, operator);
    assertThat(baselines.keySet())
        .as("every operation of the document has a baseline request here")
        .containsAll(contract.operations());

    for (String operation : contract.operations()) {
      long start = System.nanoTime();
      Baseline baseline = baselines.get(operation);
      JsonNode spec = contract.operation(operation);
      for (JsonNode parameter : spec.path("parameters")) {
        String name = parameter.path("name").asString();
        boolean inPath = parameter.path("in").asString().equals("path");
        for (String value : inPath ? PATH_VALUES : QUERY_VALUES) {
          String uri =
              inPath
                  ? baseline.uri().replace("{" + name + "}", value)
                  : withQuery(baseline.uri(), name, value);
          send(operation + " " + name + "=" + abbreviate(value), baseline.withUri(uri));
        }
      }
      JsonNode json = spec.at("/requestBody/content/application~1json/schema");
      if (!json.isMissingNode()) {
        for (String body : BODIES) {
          send(operation + " body " + abbreviate(body), baseline.withBody(body));
        }
        for (Map.Entry<String, String> mutant :
            mutants(contract, json, baseline.body()).entrySet()) {
          send(operation + " " + mutant.getKey(), baseline.withBody(mutant.getValue()));
        }
      }
      if (!spec.at("/requestBody/content/multipart~1form-data").isMissingNode()) {
        multipart(operation, baseline);
      }
      drain();
      // Last, as it may change state (DELETE revokes the spare key).
      send(operation + " as given", baseline);
      drain();
      millis.put(operation, (System.nanoTime() - start) / 1_000_000);
    }
    System.out.println("Fuzzed " + requests + " requests, milliseconds per operation: " + millis);
    assertThat(failures)
        .as("of %d requests, these answered 5xx or a non-problem 4xx", requests)
        .isEmpty();
  }

  /** One member at a time set to each malformed value; nested objects and array items too. */
  private static Map<String, String> mutants(
      OpenApiContract contract, JsonNode schema, String body) {
    Map<String, String> mutants = new LinkedHashMap<>();
    ObjectNode base = (ObjectNode) OpenApiContract.JSON.readTree(body);
    JsonNode resolved = resolve(contract, schema);
    for (String member : resolved.path("properties").propertyNames()) {
      for (String value : VALUES) {
        ObjectNode copy = base.deepCopy();
        mutants.put(member + "=" + abbreviate(value), splice(copy, member, value));
      }
      JsonNode items = resolve(contract, resolved.path("properties").path(member).path("items"));
      if (items.has("properties") && base.path(member).path(0).isObject()) {
        String item = OpenApiContract.JSON.writeValueAsString(base.path(member).path(0));
        for (Map.Entry<String, String> inner : mutants(contract, items, item).entrySet()) {
          ObjectNode copy = base.deepCopy();
          mutants.put(
              member + "[0]." + inner.getKey(), splice(copy, member, "[" + inner.getValue() + "]"));
        }
      }
    }
    return mutants;
  }

  private static JsonNode resolve(OpenApiContract contract, JsonNode schema) {
    return schema.has("$ref")
        ? contract.document.at(schema.path("$ref").asString().substring(1))
        : schema;
  }

  /** The object with one member replaced by raw JSON text (which may not be valid JSON). */
  private static String splice(ObjectNode object, String member, String rawValue) {
    object.put(member, "\u0001MARK\u0001");
    return OpenApiContract.JSON
        .writeValueAsString(object)
        .replace("\"\\u0001MARK\\u0001\"", rawValue);
  }

  private void multipart(String operation, Baseline baseline) {
    String boundary = "fuzzboundary";
    String part =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.fmu\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nPK\u0003\u0004garbage\r\n";
    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put(
        "no boundary", new String[] {"multipart/form-data", part + "--" + boundary + "--\r\n"});
    cases.put(
        "wrong boundary",
        new String[] {"multipart/form-data; boundary=other", part + "--" + boundary + "--\r\n"});
    cases.put("truncated", new String[] {"multipart/form-data; boundary=" + boundary, part});
    cases.put(
        "file as a plain field",
        new String[] {
          "multipart/form-data; boundary=" + boundary,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhello\r\n--"
              + boundary
              + "--\r\n"
        });
    cases.put(
        "no file part",
        new String[] {
          "multipart/form-data; boundary=" + boundary,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
              + boundary
              + "--\r\n"
        });
    cases.put(
        "NUL in the file name",
        new String[] {
          "multipart/form-data; boundary=" + boundary,
          part.replace("m.fmu", "m\u0000.fmu") + "--" + boundary + "--\r\n"
        });
    cases.put("empty", new String[] {"multipart/form-data; boundary=" + boundary, ""});
    cases.put(
        "too many parts",
        new String[] {
          "multipart/form-data; boundary=" + boundary, part.repeat(20) + "--" + boundary + "--\r\n"
        });
    cases.put("JSON instead", new String[] {"application/json", "{\"file\":\"x\"}"});
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      send(
          operation + " " + c.getKey(),
          new Baseline(
              baseline.method(),
              baseline.uri(),
              c.getValue()[1],
              baseline.key(),
              c.getValue()[0],
              baseline.path()));
    }
  }

  private void send(String label, Baseline request) {
    requests++;
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
            .timeout(Duration.ofSeconds(60));
    if (request.key() != null) {
      builder.header(HttpHeaders.AUTHORIZATION, "Bearer " + request.key());
    }
    if (request.body() != null) {
      builder.header(HttpHeaders.CONTENT_TYPE, request.contentType());
      builder.method(
          request.method(),
          HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    inFlight.acquireUninterruptibly();
    pending.add(
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
            .handle(
                (answer, error) -> {
                  inFlight.release();
                  check(label, answer, error);
                  return null;
                }));
  }

  private void drain() {
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    pending.clear();
  }

  private void check(String label, HttpResponse<String> answer, Throwable error) {
    if (error != null) {
      failures.add(label + ": no answer (" + error + ")");
      return;
    }
    int status = answer.statusCode();
    String type = answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("");
    if (status >= 500) {
      failures.add(label + ": " + status + " " + abbreviate(answer.body()));
    } else if (status >= 400 && !type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
      failures.add(label + ": " + status + " as '" + type + "' " + abbreviate(answer.body()));
    }
  }

  /** A request the operation accepts (or refuses for business reasons), to be spoilt. */
  private record Baseline(
      String method,
      String uri,
      String body,
      String key,
      String contentType,
      Map<String, String> path) {

    Baseline(String method, String uri, String body, String key, String contentType) {
      this(method, uri, body, key, contentType, Map.of());
    }

    Baseline withUri(String uri) {
      return new Baseline(method, uri, body, key, contentType, path);
    }

    Baseline withBody(String body) {
      return new Baseline(method, uri, body, key, MediaType.APPLICATION_JSON_VALUE, path);
    }

    Baseline withPath(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(path);
      more.put(name, value);
      return new Baseline(method, uri, body, key, contentType, more);
    }

    /** The URI with the path parameters the fuzzing left alone filled in. */
    String target() {
      String filled = uri;
      for (Map.Entry<String, String> p : path.entrySet()) {
        filled = filled.replace("{" + p.getKey() + "}", p.getValue());
      }
      return filled;
    }
  }

  private Map<String, Baseline> baselines(String key, String operator) {
    String json = MediaType.APPLICATION_JSON_VALUE;
    WebTestClient customer = bearer(key);
    Map<?, ?> spare =
        customer
            .post()
            .uri("/account/keys")
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    Map<?, ?> checkout =
        customer
            .post()
            .uri("/pay")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"fmu_id\":\"msl:BouncingBall\"}")
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String email = "fuzz-" + UUID.randomUUID() + "@example.com";
    String credentials = "{\"email\":\"" + email + "\",\"password\":\"fuzzing all day 2026\"}";
    Map<String, Baseline> b = new LinkedHashMap<>();
    b.put("POST /keys", new Baseline("POST", "/keys", null, null, null));
    b.put("POST /signup", new Baseline("POST", "/signup", credentials, null, json));
    b.put("POST /login", new Baseline("POST", "/login", credentials, null, json));
    b.put("GET /account", new Baseline("GET", "/account", null, key, null));
    b.put("GET /account/keys", new Baseline("GET", "/account/keys", null, key, null));
    b.put("POST /account/keys", new Baseline("POST", "/account/keys", null, key, null));
    b.put(
        "DELETE /account/keys/{key_id}",
        new Baseline("DELETE", "/account/keys/{key_id}", null, key, null)
            .withPath("key_id", String.valueOf(spare.get("key_id"))));
    b.put("GET /library", new Baseline("GET", "/library?query=Ball", null, key, null));
    b.put("GET /fmus", new Baseline("GET", "/fmus?page=1&size=5&library=true", null, key, null));
    b.put(
        "GET /fmus/{id}",
        new Baseline("GET", "/fmus/{id}", null, key, null).withPath("id", "lib:BouncingBall"));
    b.put(
        "GET /fmus/{id}/variables",
        new Baseline("GET", "/fmus/{id}/variables", null, key, null)
            .withPath("id", "msl:BouncingBall"));
    b.put("POST /fmus", new Baseline("POST", "/fmus", null, key, null));
    b.put(
        "POST /simulate",
        new Baseline(
            "POST",
            "/simulate?quote_only=false",
            "{\"fmu_id\":\"msl:FirstOrderLag\",\"start_time\":0,\"stop_time\":0.5,\"step\":0.1,"
                + "\"start_values\":{\"K\":2},\"outputs\":[\"y\"],\"kpis\":[\"y_max\"],"
                + "\"interface\":\"me\",\"solver\":\"rk4\",\"rtol\":1e-6,\"atol\":1e-6,"
                + "\"input_signals\":[{\"name\":\"u\",\"time\":[0,1],\"values\":[0,1],"
                + "\"interpolation\":\"hold\"}],\"payment_method\":\"card\","
                + "\"success_url\":\"https://example.com/ok\",\"cancel_url\":\"https://example.com/no\"}",
            key,
            json));
    String sweep =
        "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":0.5,\"step\":0.1,\"kpis\":[\"h_max\"],"
            + "\"sweep\":{\"method\":\"latin_hypercube\",\"samples\":2,\"seed\":1,"
            + "\"parameters\":{\"e\":{\"uniform\":{\"min\":0.5,\"max\":0.9}}}},"
            + "\"callback_url\":\"https://example.com/done\"}";
    Map<?, ?> experiment =
        customer
            .post()
            .uri("/experiments")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(sweep)
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String experimentId = String.valueOf(experiment.get("experiment_id"));
    b.put(
        "POST /experiments",
        new Baseline("POST", "/experiments?quote_only=true", sweep, key, json));
    b.put("GET /experiments", new Baseline("GET", "/experiments?page=1&size=5", null, key, null));
    b.put(
        "GET /experiments/{id}",
        new Baseline("GET", "/experiments/{id}", null, key, null).withPath("id", experimentId));
    b.put(
        "DELETE /experiments/{id}",
        new Baseline("DELETE", "/experiments/{id}", null, key, null).withPath("id", experimentId));
    b.put(
        "GET /experiments/{id}/cases",
        new Baseline("GET", "/experiments/{id}/cases?offset=0&limit=5", null, key, null)
            .withPath("id", experimentId));
    b.put(
        "GET /experiments/{id}/cases/{index}",
        new Baseline("GET", "/experiments/{id}/cases/{index}", null, key, null)
            .withPath("id", experimentId)
            .withPath("index", "0"));
    b.put("GET /runs", new Baseline("GET", "/runs?limit=5", null, key, null));
    b.put(
        "GET /runs/{id}",
        new Baseline("GET", "/runs/{id}", null, key, null)
            .withPath("id", UUID.randomUUID().toString()));
    b.put(
        "POST /pay",
        new Baseline(
            "POST",
            "/pay",
            "{\"fmu_id\":\"msl:BouncingBall\",\"payment_method\":\"card\","
                + "\"success_url\":\"https://example.com/ok\",\"cancel_url\":\"https://example.com/no\"}",
            key,
            json));
    b.put(
        "GET /payments/checkout/{session_id}",
        new Baseline("GET", "/payments/checkout/{session_id}", null, key, null)
            .withPath("session_id", String.valueOf(checkout.get("session_id"))));
    b.put("GET /credits/packs", new Baseline("GET", "/credits/packs", null, key, null));
    b.put(
        "POST /credits/checkout",
        new Baseline(
            "POST",
            "/credits/checkout",
            "{\"pack\":\"10\",\"payment_method\":\"crypto\","
                + "\"success_url\":\"https://example.com/ok\",\"cancel_url\":\"https://example.com/no\"}",
            key,
            json));
    b.put("GET /health", new Baseline("GET", "/health", null, null, null));
    b.put("GET /health/ready", new Baseline("GET", "/health/ready", null, null, null));
    b.put("GET /admin/audit", new Baseline("GET", "/admin/audit?limit=5", null, operator, null));
    b.put(
        "GET /analytics/experiments",
        new Baseline("GET", "/analytics/experiments", null, operator, null));
    b.put("GET /metrics", new Baseline("GET", "/metrics", null, operator, null));
    for (String report :
        List.of("", "/revenue", "/simulations", "/accounts", "/funnel", "/failures", "/models")) {
      b.put(
          "GET /analytics" + report,
          new Baseline("GET", "/analytics" + report + aroundToday(), null, operator, null));
    }
    return b;
  }

  private String fundedCustomer() {
    Map<String, String> issued = TestKeys.issue(client);
    WebTestClient customer = bearer(issued.get("key"));
    for (int i = 0; i < 2; i++) {
      Map<?, ?> pack =
          customer
              .post()
              .uri("/credits/checkout")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"pack\":\"50\"}")
              .exchange()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      pay((String) pack.get("session_id"));
    }
    return issued.get("key");
  }

  private String operatorKey() {
    WebTestClient operator = operatorApi();
    Map<?, ?> key =
        operator
            .post()
            .uri("/account/keys")
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) key.get("key");
  }

  private WebTestClient bearer(String key) {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
  }

  private static String withQuery(String uri, String name, String value) {
    String base = uri.replaceAll("([?&])" + name + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
    return base + (base.contains("?") ? "&" : "?") + name + "=" + value;
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replace("\n", " ");
    return oneLine.length() <= 80
        ? oneLine
        : oneLine.substring(0, 80) + "…(" + oneLine.length() + ")";
  }
}
