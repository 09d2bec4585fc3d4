package com.fmugateway.adapter.out.payments.fake;

import com.fmugateway.adapter.out.payments.support.Hmac;
import com.fmugateway.domain.shared.port.out.Clock;
import com.stripe.Stripe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's Checkout Sessions API on a local port ({@code POST /v1/checkout/sessions}, form-encoded,
 * honouring {@code Idempotency-Key}; {@code GET /v1/checkout/sessions/{id}}), the hosted page at a
 * session's {@code url} (no key, the session as JSON), and the webhooks Stripe would send, signed
 * as Stripe signs them and written in the SDK's own API version.
 */
public final class FakeStripeServer extends FakeProviderServer {

  public static final String API_KEY = "sk_test_fake";
  public static final String WEBHOOK_SECRET = "whsec_fake";

  private static final String SESSIONS = "/v1/checkout/sessions";
  private static final String HOSTED_PAGE = "/c/pay/";

  private record Replay(String body, Response response) {}

  private final JsonMapper json = JsonMapper.shared();
  private final Clock clock;
  private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
  private final Map<String, Replay> replays = new ConcurrentHashMap<>();

  public FakeStripeServer(Clock clock) {
    this.clock = clock;
  }

  public FakeStripeServer() {
    this(Instant::now);
  }

  /** The session as the fake holds it. */
  public JsonNode session(String id) {
    return sessions.get(id).deepCopy();
  }

  /** The customer paid: {@code checkout.session.completed}, unpaid if payments stay pending. */
  public SignedWebhook pay(String sessionId) {
    ObjectNode session = sessions.get(sessionId);
    session.put("status", "complete");
    session.put("payment_status", staysPending() ? "unpaid" : "paid");
    return event("checkout.session.completed", sessionId);
  }

  /** A pending payment settled: {@code checkout.session.async_payment_succeeded} or failed. */
  public SignedWebhook settle(String sessionId, boolean succeeded) {
    sessions.get(sessionId).put("payment_status", succeeded ? "paid" : "unpaid");
    return event(
        "checkout.session.async_payment_" + (succeeded ? "succeeded" : "failed"), sessionId);
  }

  /** Nobody paid in time: {@code checkout.session.expired}. */
  public SignedWebhook expire(String sessionId) {
    sessions.get(sessionId).put("status", "expired");
    return event("checkout.session.expired", sessionId);
  }

  /** An event about the session as it is now, signed now. */
  public SignedWebhook event(String type, String sessionId) {
    return event(type, sessionId, Stripe.API_VERSION, clock.now());
  }

  /** An event written in another API version, or signed at another time. */
  public SignedWebhook event(String type, String sessionId, String apiVersion, Instant signedAt) {
    ObjectNode event = json.createObjectNode();
    event.put("id", "evt_" + random());
    event.put("object", "event");
    event.put("api_version", apiVersion);
    event.put("created", signedAt.getEpochSecond());
    event.putObject("data").set("object", sessions.get(sessionId).deepCopy());
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("type", type);
    return sign(json.writeValueAsString(event), signedAt);
  }

  /** Signs a body as Stripe does: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}. */
  public SignedWebhook sign(String body, Instant at) {
    return sign(body, at, WEBHOOK_SECRET);
  }

  /** The same body signed now with a secret other than the endpoint's: a forgery. */
  public SignedWebhook forge(SignedWebhook genuine) {
    return sign(genuine.bodyText(), clock.now(), "whsec_not_the_endpoints");
  }

  private static SignedWebhook sign(String body, Instant at, String secret) {
    long t = at.getEpochSecond();
    String v1 = Hmac.sha256Hex(secret, (t + "." + body).getBytes(StandardCharsets.UTF_8));
    return new SignedWebhook(
        body.getBytes(StandardCharsets.UTF_8), Map.of("stripe-signature", "t=" + t + ",v1=" + v1));
  }

  @Override
  protected Response handle(Request request) {
    if (request.method().equals("GET") && request.path().startsWith(HOSTED_PAGE)) {
      // A customer's browser opening the session's url: no API key.
      ObjectNode session = sessions.get(request.path().substring(HOSTED_PAGE.length()));
      return session == null
          ? new Response(404, errorJson("invalid_request_error", "No such checkout page"))
          : new Response(200, json.writeValueAsString(session));
    }
    if (!("Bearer " + API_KEY).equals(request.header("authorization"))) {
      return new Response(401, errorJson("invalid_request_error", "Invalid API Key provided"));
    }
    if (request.method().equals("POST") && request.path().equals(SESSIONS)) {
      return createIdempotently(request);
    }
    if (request.method().equals("GET") && request.path().startsWith(SESSIONS + "/")) {
      ObjectNode session = sessions.get(request.path().substring(SESSIONS.length() + 1));
      return session == null
          ? new Response(404, errorJson("invalid_request_error", "No such checkout.session"))
          : new Response(200, json.writeValueAsString(session));
    }
    return new Response(404, errorJson("invalid_request_error", "Unrecognized request URL"));
  }

  @Override
  protected String errorJson(String type, String message) {
    ObjectNode body = json.createObjectNode();
    body.putObject("error").put("type", type).put("message", message);
    return json.writeValueAsString(body);
  }

  private Response createIdempotently(Request request) {
    String key = request.header("idempotency-key");
    if (key == null) {
      return create(form(request.bodyText()));
    }
    Replay replay = replays.get(key);
    if (replay == null) {
      Response response = create(form(request.bodyText()));
      // As at Stripe, only a request that was carried out is remembered under its key.
      if (response.status() == 200) {
        replays.putIfAbsent(key, new Replay(request.bodyText(), response));
      }
      return response;
    }
    if (!replay.body().equals(request.bodyText())) {
      return new Response(
          400,
          errorJson(
              "idempotency_error",
              "Keys for idempotent requests can only be used with the same parameters they were"
                  + " first used with."));
    }
    return replay.response();
  }

  private Response create(Map<String, String> form) {
    long now = clock.now().getEpochSecond();
    long expiresAt = Long.parseLong(form.getOrDefault("expires_at", String.valueOf(now + 86400)));
    String item = "line_items[0][price_data]";
    if (!"payment".equals(form.get("mode"))
        || form.get("success_url") == null
        || form.get(item + "[currency]") == null
        || form.get(item + "[unit_amount]") == null
        || form.get(item + "[product_data][name]") == null
        || expiresAt < now + 1800
        || expiresAt > now + 86400) {
      return new Response(400, errorJson("invalid_request_error", "Invalid session: " + form));
    }
    String id = "cs_test_" + random();
    ObjectNode session = json.createObjectNode();
    session.put("id", id);
    session.put("object", "checkout.session");
    session.put(
        "amount_total",
        Long.parseLong(form.get(item + "[unit_amount]"))
            * Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1")));
    session.put("currency", form.get(item + "[currency]"));
    session.put("client_reference_id", form.get("client_reference_id"));
    session.put("created", now);
    session.put("expires_at", expiresAt);
    session.put("livemode", false);
    ObjectNode metadata = session.putObject("metadata");
    form.forEach(
        (name, value) -> {
          if (name.startsWith("metadata[")) {
            metadata.put(name.substring(9, name.length() - 1), value);
          }
        });
    session.put("mode", "payment");
    session.put("payment_status", "unpaid");
    session.put("status", "open");
    session.put("success_url", form.get("success_url"));
    session.put("cancel_url", form.get("cancel_url"));
    session.put("url", baseUrl() + HOSTED_PAGE + id);
    sessions.put(id, session);
    return new Response(200, json.writeValueAsString(session));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static String random() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
