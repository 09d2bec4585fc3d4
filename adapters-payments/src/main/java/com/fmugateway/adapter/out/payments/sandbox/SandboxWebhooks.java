package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.adapter.out.payments.support.Hmac;
import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's webhooks, signed the way Stripe signs its own: {@code Sandbox-Signature:
 * t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, refused when older than five minutes.
 */
final class SandboxWebhooks {

  static final String HEADER = "Sandbox-Signature";
  static final String PAID = "checkout.paid";
  static final String EXPIRED = "checkout.expired";
  static final long TOLERANCE_SECONDS = 300;

  /** A signed webhook, ready to POST. */
  record Signed(byte[] body, String signature) {}

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String secret;

  SandboxWebhooks(String secret) {
    this.secret = secret;
  }

  /** {@code {id, type, created, data: {session, reference}}}, signed at {@code now}. */
  Signed sign(String type, SandboxSession session, Instant now) {
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    ObjectNode event = JSON.createObjectNode();
    event.put("id", "evt_" + HexFormat.of().formatHex(random));
    event.put("type", type);
    event.put("created", now.getEpochSecond());
    event
        .putObject("data")
        .put("session", session.id())
        .put("reference", session.request().reference());
    byte[] body = JSON.writeValueAsBytes(event);
    long t = now.getEpochSecond();
    return new Signed(body, "t=" + t + ",v1=" + hmac(t, body));
  }

  /** The event, or empty for a genuine event of a type the gateway ignores. */
  Optional<ProviderEvent> read(byte[] rawBody, Map<String, String> headers, Instant now) {
    String header = headers.get("sandbox-signature");
    if (header == null) {
      throw new InvalidWebhookException("no Sandbox-Signature header");
    }
    long t = -1;
    String v1 = null;
    for (String part : header.split(",")) {
      if (part.startsWith("t=") && part.substring(2).matches("\\d{1,12}")) {
        t = Long.parseLong(part.substring(2));
      } else if (part.startsWith("v1=")) {
        v1 = part.substring(3);
      }
    }
    if (t < 0 || !Hmac.sameHex(hmac(t, rawBody), v1)) {
      throw new InvalidWebhookException("sandbox signature does not match the body");
    }
    if (t < now.getEpochSecond() - TOLERANCE_SECONDS) {
      throw new InvalidWebhookException("sandbox signature is older than five minutes");
    }
    JsonNode event = parse(rawBody);
    String type = event.path("type").asString("");
    PaymentStatus status =
        switch (type) {
          case PAID -> PaymentStatus.PAID;
          case EXPIRED -> PaymentStatus.EXPIRED;
          default -> null;
        };
    if (status == null) {
      return Optional.empty();
    }
    JsonNode data = event.path("data");
    return Optional.of(
        new ProviderEvent(
            ProviderId.SANDBOX,
            event.path("id").asString(""),
            type,
            data.path("session").asString(""),
            Optional.of(data.path("reference").asString("")).filter(r -> !r.isEmpty()),
            status,
            Instant.ofEpochSecond(event.path("created").asLong())));
  }

  private String hmac(long t, byte[] body) {
    byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return Hmac.sha256Hex(secret, signed);
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode event = JSON.readTree(body);
      if (event.path("id").asString("").isEmpty()
          || event.path("data").path("session").asString("").isEmpty()) {
        throw new InvalidWebhookException("sandbox webhook is not an event");
      }
      return event;
    } catch (JacksonException e) {
      throw new InvalidWebhookException("sandbox webhook is not JSON");
    }
  }
}
