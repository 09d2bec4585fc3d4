package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/api-docs} describes the API as it is: real requests of a customer's whole journey
 * (keys, sign-up, models, upload, simulate, runs, 402, pay, checkout, credit packs, errors) and of
 * an operator fit the document's schemas, and so does every answer, with a documented status.
 */
class OpenApiContractIT extends AbstractOperatorIT {

  private static final Pattern KNOWN_FIELDS = Pattern.compile("the fields are (.*)$");

  private OpenApiContract contract;

  @BeforeEach
  void document() {
    contract = new OpenApiContract(fetch(client, "/v3/api-docs"));
  }

  @Test
  void everyMemberAndParameterName_isSnakeCase() {
    assertThat(contract.names())
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).matches(OpenApiContract.SNAKE_CASE));
    assertThat(contract.document.at("/components/schemas/SimulateRequest/properties").has("fmu_id"))
        .isTrue();
  }

  @Test
  void everyFieldARequestBodyAccepts_isDescribed_andNoOther() {
    List<String> checked = new ArrayList<>();
    for (String operation : contract.operations()) {
      JsonNode json = contract.operation(operation).at("/requestBody/content/application~1json");
      if (json.isMissingNode()) {
        continue;
      }
      WebTestClient caller =
          operation.contains("/signup") || operation.contains("/login") ? client : newCustomer();
      String[] parts = operation.split(" ", 2);
      EntityExchangeResult<String> answer =
          caller
              .method(HttpMethod.valueOf(parts[0]))
              .uri(parts[1])
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"zz_not_a_field\":1}")
              .exchange()
              .expectBody(String.class)
              .returnResult();
      assertThat(answer.getStatus().value()).as(operation).isEqualTo(400);
      Matcher known =
          KNOWN_FIELDS.matcher(
              OpenApiContract.JSON.readTree(answer.getResponseBody()).path("detail").asString());
      assertThat(known.find())
          .as("%s lists its fields: %s", operation, answer.getResponseBody())
          .isTrue();
      Set<String> accepted = new TreeSet<>(List.of(known.group(1).split(",\\s*")));
      assertThat(documentedMembers(json.path("schema")))
          .as("%s documents the fields it accepts", operation)
          .isEqualTo(accepted);
      checked.add(operation);
    }
    assertThat(checked)
        .contains("POST /simulate", "POST /pay", "POST /signup", "POST /credits/checkout");
  }

  @Test
  void aCustomersJourney_fitsTheDocument() throws Exception {
    JsonNode issued = json(call(client, "POST /keys", "/keys", null, 201));
    WebTestClient customer = bearer(issued.path("key").asString());
    String email = "contract-" + System.nanoTime() + "@example.com";
    String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct horse 42 battery\"}";
    call(client, "POST /signup", "/signup", credentials, 201);
    call(client, "POST /login", "/login", credentials, 201);
    call(client, "POST /login", "/login", credentials.replace("42", "43"), 401);
    call(client, "POST /signup", "/signup", "{\"email\":\"nope\",\"password\":\"x\"}", 400);
    call(client, "GET /account", "/account", null, 401);

    call(customer, "GET /account", "/account", null, 200);
    JsonNode added = json(call(customer, "POST /account/keys", "/account/keys", null, 201));
    call(customer, "GET /account/keys", "/account/keys", null, 200);
    call(
        customer,
        "DELETE /account/keys/{key_id}",
        "/account/keys/" + added.path("key_id").asString(),
        null,
        204);
    call(customer, "GET /account/keys", "/account/keys", null, 200);
    call(customer, "DELETE /account/keys/{key_id}", "/account/keys/nope", null, 404);

    call(customer, "GET /library", "/library", null, 200);
    call(customer, "GET /fmus/{id}", "/fmus/msl:BouncingBall", null, 200);
    call(customer, "GET /fmus/{id}/variables", "/fmus/lib:BouncingBall/variables", null, 200);
    call(customer, "GET /fmus/{id}", "/fmus/no-such-model", null, 404);
    JsonNode upload = json(upload(customer, FmuApiIT.libraryFmu("VanDerPol"), 201));
    call(customer, "GET /fmus/{id}", "/fmus/" + upload.path("id").asString(), null, 200);
    call(
        customer,
        "GET /fmus/{id}/variables",
        "/fmus/" + upload.path("id").asString() + "/variables",
        null,
        200);
    upload(customer, "not a zip".getBytes(), 422);

    // No credits here (AbstractPaymentIT): a quote, then a 402 with its checkout.
    call(
        customer,
        "POST /simulate",
        "/simulate",
        "{\"fmu_id\":\"msl:BouncingBall\",\"quote_only\":true}",
        402);
    JsonNode demand = json(call(customer, "POST /simulate", "/simulate", RUN, 402));
    String session = demand.path("session_id").asString();
    call(
        customer,
        "GET /payments/checkout/{session_id}",
        "/payments/checkout/" + session,
        null,
        202);
    pay(session);
    String token =
        json(call(
                customer,
                "GET /payments/checkout/{session_id}",
                "/payments/checkout/" + session,
                null,
                200))
            .path("payment_token")
            .asString();
    String paid =
        "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":2,\"step\":0.01,\"kpis\":[\"h_max\"],"
            + "\"outputs\":[\"h\"],\"start_values\":{\"e\":0.7},\"payment_token\":\""
            + token
            + "\"}";
    JsonNode run = json(call(customer, "POST /simulate", "/simulate", paid, 200));
    call(customer, "POST /simulate", "/simulate", paid, 410);
    call(
        customer,
        "GET /payments/checkout/{session_id}",
        "/payments/checkout/" + session,
        null,
        410);
    call(customer, "GET /payments/checkout/{session_id}", "/payments/checkout/cs_nope", null, 404);

    // Credits bought with a pack pay for model exchange from the balance.
    call(customer, "GET /credits/packs", "/credits/packs", null, 200);
    JsonNode pack =
        json(
            call(
                customer,
                "POST /credits/checkout",
                "/credits/checkout",
                "{\"pack\":\"10\",\"payment_method\":\"card\"}",
                201));
    pay(pack.path("session_id").asString());
    call(
        customer,
        "GET /payments/checkout/{session_id}",
        "/payments/checkout/" + pack.path("session_id").asString(),
        null,
        200);
    call(
        customer,
        "POST /simulate",
        "/simulate",
        "{\"fmu_id\":\"lib:BouncingBall\",\"stop_time\":1,\"step\":0.1,\"interface\":\"me\","
            + "\"solver\":\"rk4\",\"input_signals\":[]}",
        200);
    call(customer, "POST /simulate", "/simulate", "{\"fmu_id\":\"msl:NoSuchModel\"}", 404);
    call(
        customer,
        "POST /simulate",
        "/simulate",
        "{\"fmu_id\":\"msl:BouncingBall\",\"step\":-1}",
        400);
    call(
        customer,
        "POST /simulate",
        "/simulate",
        "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":\"x\"}",
        400);

    call(
        customer,
        "POST /pay",
        "/pay",
        "{\"fmu_id\":\"msl:BouncingBall\",\"payment_method\":\"crypto\"}",
        201);
    call(
        customer,
        "POST /pay",
        "/pay",
        "{\"fmu_id\":\"msl:BouncingBall\",\"payment_method\":\"crypto\"}",
        200);
    call(customer, "POST /pay", "/pay", "{\"payment_method\":\"cheque\"}", 400);

    call(customer, "GET /runs", "/runs", null, 200);
    call(customer, "GET /runs/{id}", "/runs/" + run.path("run_id").asString(), null, 200);
    call(customer, "GET /runs/{id}", "/runs/" + java.util.UUID.randomUUID(), null, 404);
    call(customer, "GET /analytics", "/analytics", null, 403);
    call(client, "GET /health", "/health", null, 200);
  }

  @Test
  void anOperatorsReports_fitTheDocument() {
    WebTestClient operator = operatorApi();
    for (String report :
        List.of("", "/revenue", "/simulations", "/accounts", "/funnel", "/failures", "/models")) {
      call(operator, "GET /analytics" + report, "/analytics" + report + aroundToday(), null, 200);
    }
    call(operator, "GET /analytics", "/analytics?from=yesterday", null, 400);
    call(operator, "GET /analytics/experiments", "/analytics/experiments", null, 200);
    call(operator, "GET /admin/audit", "/admin/audit?limit=20", null, 200);
  }

  @Test
  void enumsInTheDocument_areTheDomainsCodes() {
    assertThat(enumOf("SimulateRequest", "solver"))
        .isEqualTo(codes(Arrays.stream(SolverKind.values()).map(SolverKind::code)));
    assertThat(enumOf("SimulateRequest", "interface"))
        .isEqualTo(
            codes(
                Stream.concat(
                    Arrays.stream(FmuInterface.values()).map(FmuInterface::code),
                    Stream.of("auto"))));
    assertThat(enumOf("InputSignalRequest", "interpolation"))
        .isEqualTo(codes(Arrays.stream(Interpolation.values()).map(Enum::name)));
    for (String schema :
        List.of("SimulateRequest", "PayRequest", "CreditCheckoutRequest", "CheckoutResponse")) {
      assertThat(enumOf(schema, "payment_method"))
          .isEqualTo(codes(Arrays.stream(PaymentMethod.values()).map(PaymentMethod::code)));
    }
    for (String schema : List.of("CheckoutResponse", "CheckoutStatusResponse")) {
      assertThat(enumOf(schema, "status"))
          .isEqualTo(codes(Arrays.stream(PaymentStatus.values()).map(PaymentStatus::code)));
      assertThat(enumOf(schema, "purpose"))
          .isEqualTo(codes(Arrays.stream(PaymentPurpose.values()).map(PaymentPurpose::code)));
    }
    assertThat(enumOf("CheckoutResponse", "provider"))
        .isEqualTo(codes(Arrays.stream(ProviderId.values()).map(ProviderId::code)));
    assertThat(enumOf("AccountResponse", "tier"))
        .isEqualTo(codes(Arrays.stream(Tier.values()).map(Enum::name)));
    assertThat(enumOf("RunResponse", "status"))
        .isEqualTo(codes(Arrays.stream(RunRecord.RunStatus.values()).map(Enum::name)));
  }

  private Set<String> enumOf(String schema, String member) {
    JsonNode values =
        contract.document.at("/components/schemas/" + schema + "/properties/" + member + "/enum");
    assertThat(values.isArray()).as("%s.%s has an enum", schema, member).isTrue();
    Set<String> codes = new TreeSet<>();
    values.forEach(v -> codes.add(v.asString()));
    return codes;
  }

  private static Set<String> codes(Stream<String> codes) {
    return codes
        .map(c -> c.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Sends the request, checks it and the answer against the document, and returns the answer. */
  private EntityExchangeResult<String> call(
      WebTestClient caller, String operation, String uri, String json, int status) {
    String method = operation.split(" ", 2)[0];
    WebTestClient.RequestBodySpec request = caller.method(HttpMethod.valueOf(method)).uri(uri);
    WebTestClient.RequestHeadersSpec<?> ready = request;
    if (json != null) {
      if (status < 300 || status == 402) {
        contract.assertValidRequest(operation, json);
      }
      ready = request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }
    EntityExchangeResult<String> answer = ready.exchange().expectBody(String.class).returnResult();
    assertThat(answer.getStatus().value())
        .as("%s %s: %s", operation, uri, answer.getResponseBody())
        .isEqualTo(status);
    contract.assertValidResponse(
        operation,
        status,
        answer.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
        answer.getResponseBody());
    return answer;
  }

  private EntityExchangeResult<String> upload(WebTestClient customer, byte[] bytes, int status) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part(
        "file",
        new ByteArrayResource(bytes) {
          @Override
          public String getFilename() {
            return "model.fmu";
          }
        });
    EntityExchangeResult<String> answer =
        customer
            .post()
            .uri("/fmus")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange()
            .expectBody(String.class)
            .returnResult();
    assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(status);
    contract.assertValidResponse(
        "POST /fmus",
        status,
        answer.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
        answer.getResponseBody());
    return answer;
  }

  private WebTestClient bearer(String key) {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
  }

  private static JsonNode json(EntityExchangeResult<String> answer) {
    return OpenApiContract.JSON.readTree(answer.getResponseBody());
  }

  private Set<String> documentedMembers(JsonNode schema) {
    JsonNode resolved =
        schema.has("$ref")
            ? contract.document.at(schema.path("$ref").asString().substring(1))
            : schema;
    return new TreeSet<>(resolved.path("properties").propertyNames());
  }

  static String fetch(WebTestClient client, String uri) {
    return client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
