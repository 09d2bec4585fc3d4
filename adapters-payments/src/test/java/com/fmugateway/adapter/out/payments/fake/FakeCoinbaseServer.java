package com.fmugateway.adapter.out.payments.fake;

import com.fmugateway.adapter.out.payments.support.Hmac;
import com.fmugateway.domain.shared.port.out.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coinbase Commerce's charges API on a local port ({@code POST /charges}, {@code GET /charges/{id
 * or code}}, checking {@code X-CC-Api-Key}), the hosted page at a charge's {@code hosted_url} (no
 * key, the charge as JSON), and the webhooks Coinbase would send, signed with {@code
 * X-CC-Webhook-Signature}. Like Coinbase, it keeps no idempotency keys: a repeated create makes a
 * second charge.
 */
public final class FakeCoinbaseServer extends FakeProviderServer {

  public static final String API_KEY = "cc-fake-api-key";
  public static final String WEBHOOK_SECRET = "cc-fake-shared-secret";

  private static final String HOSTED_PAGE = "/pay/";

  private final JsonMapper json = JsonMapper.shared();
  private final Clock clock;
  private final Map<String, ObjectNode> charges = new ConcurrentHashMap<>();

  public FakeCoinbaseServer(Clock clock) {
    this.clock = clock;
  }

  public FakeCoinbaseServer() {
    this(Instant::now);
  }

  /** The charge as the fake holds it. */
  public JsonNode charge(String id) {
    return charges.get(id).deepCopy();
  }

  /** How many charges were created. */
  public int chargeCount() {
    return charges.size();
  }

  /**
   * The customer paid: the charge goes PENDING then COMPLETED, {@code charge:confirmed}; or only
   * PENDING, {@code charge:pending}, while payments stay pending.
   */
  public SignedWebhook pay(String chargeId) {
    timeline(chargeId, "PENDING");
    if (staysPending()) {
      return event("charge:pending", chargeId);
    }
    return confirm(chargeId);
  }

  /** The pending payment is final: COMPLETED, {@code charge:confirmed}. */
  public SignedWebhook confirm(String chargeId) {
    timeline(chargeId, "COMPLETED");
    return event("charge:confirmed", chargeId);
  }

  /** Nobody paid in time: EXPIRED, {@code charge:failed}. */
  public SignedWebhook expire(String chargeId) {
    timeline(chargeId, "EXPIRED");
    return event("charge:failed", chargeId);
  }

  /**
   * The customer paid after the charge expired: UNRESOLVED (DELAYED), {@code charge:delayed}. The
   * money waits for the merchant to {@link #resolve} or refund it.
   */
  public SignedWebhook payLate(String chargeId) {
    timeline(chargeId, "UNRESOLVED").put("context", "DELAYED");
    return event("charge:delayed", chargeId);
  }

  /** The merchant accepted an unresolved payment: RESOLVED, {@code charge:resolved}. */
  public SignedWebhook resolve(String chargeId) {
    timeline(chargeId, "RESOLVED");
    return event("charge:resolved", chargeId);
  }

  /** An event about the charge as it is now, sent now. */
  public SignedWebhook event(String type, String chargeId) {
    return event(type, chargeId, clock.now());
  }

  /** An event created and sent at {@code at}. */
  public SignedWebhook event(String type, String chargeId, Instant at) {
    ObjectNode delivery = json.createObjectNode();
    delivery.put("attempt_number", 1);
    ObjectNode event = delivery.putObject("event");
    event.put("api_version", "2018-03-22");
    event.put("created_at", at.toString());
    event.set("data", charges.get(chargeId).deepCopy());
    event.put("id", UUID.randomUUID().toString());
    event.put("resource", "event");
    event.put("type", type);
    delivery.put("id", UUID.randomUUID().toString());
    delivery.put("scheduled_for", at.toString());
    return sign(json.writeValueAsString(delivery));
  }

  /** Signs a body as Coinbase does: hex HMAC-SHA256 of the raw body under the shared secret. */
  public SignedWebhook sign(String body) {
    return sign(body.getBytes(StandardCharsets.UTF_8), WEBHOOK_SECRET);
  }

  /** The same body signed with a secret other than the endpoint's: a forgery. */
  public SignedWebhook forge(SignedWebhook genuine) {
    return sign(genuine.body(), "not the endpoint's shared secret");
  }

  private static SignedWebhook sign(byte[] body, String secret) {
    return new SignedWebhook(body, Map.of("x-cc-webhook-signature", Hmac.sha256Hex(secret, body)));
  }

  @Override
  protected Response handle(Request request) {
    if (request.method().equals("GET") && request.path().startsWith(HOSTED_PAGE)) {
      // A customer's browser opening the charge's hosted_url: no API key.
      String code = request.path().substring(HOSTED_PAGE.length());
      return charges.values().stream()
          .filter(c -> c.path("code").asString().equals(code))
          .findFirst()
          .map(c -> new Response(200, json.writeValueAsString(c)))
          .orElse(new Response(404, errorJson("not_found", "Not found")));
    }
    if (!API_KEY.equals(request.header("x-cc-api-key"))) {
      return new Response(401, errorJson("authorization_error", "No such API key."));
    }
    if (request.method().equals("POST") && request.path().equals("/charges")) {
      return create(request);
    }
    if (request.method().equals("GET") && request.path().startsWith("/charges/")) {
      String idOrCode = request.path().substring("/charges/".length());
      return charges.values().stream()
          .filter(
              c ->
                  c.path("id").asString().equals(idOrCode)
                      || c.path("code").asString().equals(idOrCode))
          .findFirst()
          .map(c -> new Response(200, data(c)))
          .orElse(new Response(404, errorJson("not_found", "Not found")));
    }
    return new Response(404, errorJson("not_found", "Not found"));
  }

  @Override
  protected String errorJson(String type, String message) {
    ObjectNode body = json.createObjectNode();
    body.putObject("error").put("type", type).put("message", message);
    return json.writeValueAsString(body);
  }

  private Response create(Request request) {
    JsonNode body;
    try {
      body = json.readTree(request.body());
    } catch (JacksonException e) {
      return new Response(400, errorJson("invalid_request", "Body is not JSON"));
    }
    JsonNode price = body.path("local_price");
    if (!"fixed_price".equals(body.path("pricing_type").asString(""))
        || !price.path("amount").asString("").matches("\\d+(\\.\\d+)?")
        || !price.path("currency").asString("").matches("[A-Z]{3}")) {
      return new Response(400, errorJson("invalid_request", "Invalid charge: " + body));
    }
    Instant now = clock.now();
    String id = UUID.randomUUID().toString();
    String code = id.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    ObjectNode charge = json.createObjectNode();
    charge.put("id", id);
    charge.put("code", code);
    charge.put("name", body.path("name").asString(""));
    charge.put("description", body.path("description").asString(""));
    charge.put("hosted_url", baseUrl() + HOSTED_PAGE + code);
    charge.put("created_at", now.toString());
    charge.put("expires_at", now.plus(Duration.ofHours(1)).toString());
    charge.put("pricing_type", "fixed_price");
    charge.putObject("pricing").set("local", price.deepCopy());
    charge.set("metadata", body.path("metadata").deepCopy());
    charge
        .putObject("redirects")
        .put("success_url", body.path("redirect_url").asString(""))
        .put("cancel_url", body.path("cancel_url").asString(""));
    charge.putArray("timeline").addObject().put("status", "NEW").put("time", now.toString());
    charges.put(id, charge);
    return new Response(201, data(charge));
  }

  private ObjectNode timeline(String chargeId, String status) {
    return ((tools.jackson.databind.node.ArrayNode) charges.get(chargeId).path("timeline"))
        .addObject()
        .put("status", status)
        .put("time", clock.now().toString());
  }

  private String data(ObjectNode charge) {
    ObjectNode response = json.createObjectNode();
    response.set("data", charge);
    response.putArray("warnings");
    return json.writeValueAsString(response);
  }
}
