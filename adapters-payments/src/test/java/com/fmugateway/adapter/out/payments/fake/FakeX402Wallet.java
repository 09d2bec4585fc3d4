package com.fmugateway.adapter.out.payments.fake;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an agent's x402 client does with a 402: reads {@code PAYMENT-REQUIRED}, picks its first
 * requirement and signs a payment for it, as the base64 {@code PAYMENT-SIGNATURE} value. The
 * signature is a stand-in that {@link FakeX402Facilitator} accepts; no key is involved.
 */
public final class FakeX402Wallet {

  public static final String ADDRESS = "0x857b06519E91e3A54538791bDbb0E22373e36b66";

  private static final JsonMapper JSON = JsonMapper.shared();

  private FakeX402Wallet() {}

  /** The decoded {@code PAYMENT-REQUIRED} header. */
  public static JsonNode decode(String header) {
    return JSON.readTree(Base64.getDecoder().decode(header));
  }

  /** A payment for the first requirement of {@code paymentRequired}, valid until {@code until}. */
  public static String sign(String paymentRequired, Instant until) {
    JsonNode required = decode(paymentRequired);
    return sign(required.path("resource"), required.path("accepts").get(0), until);
  }

  /** A payment meeting {@code accepted}, valid until {@code until}. */
  public static String sign(JsonNode resource, JsonNode accepted, Instant until) {
    byte[] nonce = new byte[32];
    new SecureRandom().nextBytes(nonce);
    ObjectNode payload = JSON.createObjectNode();
    payload.put("x402Version", 2);
    payload.set("resource", resource);
    payload.set("accepted", accepted);
    ObjectNode inner = payload.putObject("payload");
    inner.put("signature", "0x" + "ab".repeat(65));
    inner
        .putObject("authorization")
        .put("from", ADDRESS)
        .put("to", accepted.path("payTo").asString())
        .put("value", accepted.path("amount").asString())
        .put("validAfter", "0")
        .put("validBefore", Long.toString(until.getEpochSecond()))
        .put("nonce", "0x" + HexFormat.of().formatHex(nonce));
    return encode(payload);
  }

  /** Any JSON as a header value. */
  public static String encode(JsonNode node) {
    return Base64.getEncoder()
        .encodeToString(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
  }
}
