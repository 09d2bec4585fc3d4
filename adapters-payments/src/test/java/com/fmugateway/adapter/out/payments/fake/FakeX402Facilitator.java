package com.fmugateway.adapter.out.payments.fake;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An x402 facilitator (protocol version 2) on a local port: {@code GET /supported}, {@code POST
 * /verify} and {@code POST /settle}, each taking {@code {x402Version, paymentPayload,
 * paymentRequirements}}. It checks what a real one checks short of the chain: the payload's {@code
 * accepted} against the requirements, the authorization's payee, value and validity window, a
 * signature (any, unless switched to refuse them), and a nonce not settled before. Switches: the
 * next settlement fails; signatures are refused.
 */
public final class FakeX402Facilitator extends FakeProviderServer {

  public static final String NETWORK = "eip155:8453";

  private final JsonMapper json = JsonMapper.shared();
  private final Set<String> settledNonces = ConcurrentHashMap.newKeySet();
  private final AtomicInteger verifications = new AtomicInteger();
  private final AtomicInteger settlements = new AtomicInteger();
  private volatile String failNextSettlement;
  private volatile boolean refuseSignatures;

  /** The next settlement answers {@code success: false} with {@code reason}. */
  public void failNextSettlement(String reason) {
    failNextSettlement = reason;
  }

  /** Whether every signature is judged invalid, as a forged one would be. */
  public void refuseSignatures(boolean refuse) {
    refuseSignatures = refuse;
  }

  public int verifications() {
    return verifications.get();
  }

  /** Settlement requests received, successful or not. */
  public int settlements() {
    return settlements.get();
  }

  @Override
  protected Response handle(Request request) {
    if (request.method().equals("GET") && request.path().equals("/supported")) {
      ObjectNode supported = json.createObjectNode();
      supported
          .putArray("kinds")
          .addObject()
          .put("x402Version", 2)
          .put("scheme", "exact")
          .put("network", NETWORK);
      supported.putArray("extensions");
      supported.putObject("signers");
      return new Response(200, supported.toString());
    }
    if (!request.method().equals("POST")) {
      return new Response(404, errorJson("not_found", request.path()));
    }
    JsonNode body = json.readTree(request.bodyText());
    if (request.path().equals("/verify")) {
      verifications.incrementAndGet();
      return new Response(200, verify(body).toString());
    }
    if (request.path().equals("/settle")) {
      settlements.incrementAndGet();
      return new Response(200, settle(body).toString());
    }
    return new Response(404, errorJson("not_found", request.path()));
  }

  private ObjectNode verify(JsonNode body) {
    String invalid = invalidReason(body);
    ObjectNode answer = json.createObjectNode().put("isValid", invalid == null);
    if (invalid != null) {
      answer.put("invalidReason", invalid);
    }
    return answer.put("payer", payer(body));
  }

  private ObjectNode settle(JsonNode body) {
    String network = body.path("paymentRequirements").path("network").asString();
    String error = invalidReason(body);
    if (error == null && failNextSettlement != null) {
      error = failNextSettlement;
      failNextSettlement = null;
    }
    ObjectNode answer = json.createObjectNode();
    if (error != null) {
      return answer
          .put("success", false)
          .put("errorReason", error)
          .put("transaction", "")
          .put("network", network)
          .put("payer", payer(body));
    }
    settledNonces.add(nonce(body));
    byte[] tx = new byte[32];
    new SecureRandom().nextBytes(tx);
    return answer
        .put("success", true)
        .put("transaction", "0x" + HexFormat.of().formatHex(tx))
        .put("network", network)
        .put("payer", payer(body));
  }

  /** Why the payment would not settle, or null. */
  private String invalidReason(JsonNode body) {
    JsonNode requirements = body.path("paymentRequirements");
    JsonNode payload = body.path("paymentPayload");
    JsonNode accepted = payload.path("accepted");
    JsonNode authorization = payload.path("payload").path("authorization");
    if (body.path("x402Version").asInt() != 2 || payload.path("x402Version").asInt() != 2) {
      return "invalid_x402_version";
    }
    for (String field : new String[] {"scheme", "network", "asset", "amount", "payTo"}) {
      if (!same(accepted.path(field).asString(), requirements.path(field).asString())) {
        return "invalid_payment_requirements";
      }
    }
    if (!same(authorization.path("to").asString(), requirements.path("payTo").asString())) {
      return "invalid_exact_evm_payload_recipient_mismatch";
    }
    if (!authorization.path("value").asString().equals(requirements.path("amount").asString())) {
      return "invalid_exact_evm_payload_authorization_value";
    }
    long now = Instant.now().getEpochSecond();
    if (Long.parseLong(authorization.path("validBefore").asString("0")) <= now) {
      return "invalid_exact_evm_payload_authorization_valid_before";
    }
    if (Long.parseLong(authorization.path("validAfter").asString("0")) > now) {
      return "invalid_exact_evm_payload_authorization_valid_after";
    }
    if (refuseSignatures || payload.path("payload").path("signature").asString("").isBlank()) {
      return "invalid_exact_evm_payload_signature";
    }
    if (settledNonces.contains(nonce(body))) {
      return "invalid_exact_evm_payload_authorization_nonce_used";
    }
    return null;
  }

  private static String nonce(JsonNode body) {
    JsonNode authorization = body.path("paymentPayload").path("payload").path("authorization");
    return (authorization.path("from").asString() + "|" + authorization.path("nonce").asString())
        .toLowerCase(Locale.ROOT);
  }

  private static String payer(JsonNode body) {
    return body.path("paymentPayload")
        .path("payload")
        .path("authorization")
        .path("from")
        .asString();
  }

  private static boolean same(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  @Override
  protected String errorJson(String type, String message) {
    return json.createObjectNode().put("error", type).put("message", message).toString();
  }
}
