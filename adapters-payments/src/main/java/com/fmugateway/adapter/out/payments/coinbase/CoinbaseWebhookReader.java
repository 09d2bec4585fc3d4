package com.fmugateway.adapter.out.payments.coinbase;

import com.fmugateway.adapter.out.payments.support.Hmac;
import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a Coinbase Commerce webhook ({@code X-CC-Webhook-Signature}: hex HMAC-SHA256 of the raw
 * body under the shared secret) and reduces its charge event to a {@link ProviderEvent}.
 *
 * <p>Coinbase signs no timestamp, so a captured webhook could be replayed for ever. The body is
 * signed, though, and carries the event's {@code created_at} and the delivery's {@code
 * scheduled_for}; a webhook whose later of the two is older than the tolerance is refused. A
 * delivery that arrives too late (the gateway was down longer than the tolerance) is therefore
 * refused too; the gateway's reconciliation, which asks Coinbase for the charge's status, catches
 * those payments up.
 */
final class CoinbaseWebhookReader {

  /** Metadata key under which a charge carries the gateway's own session id. */
  static final String REFERENCE = "reference";

  private static final JsonMapper JSON = JsonMapper.shared();

  private final String sharedSecret;
  private final Duration tolerance;

  CoinbaseWebhookReader(String sharedSecret, Duration tolerance) {
    this.sharedSecret = sharedSecret;
    this.tolerance = tolerance;
  }

  /** The event, or empty for a genuine event of a type the gateway ignores. */
  Optional<ProviderEvent> read(byte[] rawBody, Map<String, String> headers, Instant now) {
    String signature = headers.get("x-cc-webhook-signature");
    if (signature == null) {
      throw new InvalidWebhookException("no X-CC-Webhook-Signature header");
    }
    if (!Hmac.sameHex(Hmac.sha256Hex(sharedSecret, rawBody), signature)) {
      throw new InvalidWebhookException("Coinbase Commerce signature does not match the body");
    }
    JsonNode root = parse(rawBody);
    JsonNode event = root.path("event");
    String eventId = event.path("id").asString("");
    String type = event.path("type").asString("");
    if (eventId.isEmpty() || type.isEmpty()) {
      throw new InvalidWebhookException("Coinbase Commerce webhook carries no event");
    }
    Instant createdAt = instant(event.path("created_at"), "created_at");
    Instant sent = later(createdAt, root.path("scheduled_for"));
    if (sent.isBefore(now.minus(tolerance))) {
      throw new InvalidWebhookException(
          "Coinbase Commerce event " + eventId + " was sent at " + sent + ", too long ago");
    }
    JsonNode charge = event.path("data");
    JsonNode timeline = charge.path("timeline");
    String lastStatus =
        timeline.isArray() && !timeline.isEmpty()
            ? timeline.get(timeline.size() - 1).path("status").asString("")
            : "";
    Optional<PaymentStatus> status = CoinbaseStatuses.ofEvent(type, lastStatus);
    if (status.isEmpty()) {
      return Optional.empty();
    }
    String chargeId = charge.path("id").asString("");
    if (chargeId.isEmpty()) {
      throw new InvalidWebhookException("Coinbase Commerce event " + eventId + " names no charge");
    }
    JsonNode reference = charge.path("metadata").path(REFERENCE);
    return Optional.of(
        new ProviderEvent(
            ProviderId.COINBASE,
            eventId,
            type,
            chargeId,
            reference.isString() ? Optional.of(reference.asString()) : Optional.empty(),
            status.get(),
            createdAt));
  }

  private static JsonNode parse(byte[] rawBody) {
    try {
      return JSON.readTree(rawBody);
    } catch (JacksonException e) {
      throw new InvalidWebhookException("Coinbase Commerce webhook is not JSON");
    }
  }

  private static Instant later(Instant createdAt, JsonNode scheduledFor) {
    if (!scheduledFor.isString()) {
      return createdAt;
    }
    Instant scheduled = instant(scheduledFor, "scheduled_for");
    return scheduled.isAfter(createdAt) ? scheduled : createdAt;
  }

  private static Instant instant(JsonNode node, String field) {
    try {
      return Instant.parse(node.asString(""));
    } catch (DateTimeParseException e) {
      throw new InvalidWebhookException("Coinbase Commerce webhook has no valid " + field);
    }
  }
}
