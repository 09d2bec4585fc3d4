package com.fmugateway.adapter.out.payments.stripe;

import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a Stripe webhook on its raw bytes and reduces a Checkout Session event to a {@link
 * ProviderEvent}.
 *
 * <p>The session is read from the raw JSON rather than through stripe-java's typed objects: those
 * come back empty when the account's API version differs from the SDK's, and the handful of fields
 * read here have kept their names across versions.
 */
final class StripeWebhookReader {

  /** Stripe's own default: a signature older than five minutes is a replay. */
  static final long TOLERANCE_SECONDS = 300;

  private static final JsonMapper JSON = JsonMapper.shared();

  private final String webhookSecret;

  StripeWebhookReader(String webhookSecret) {
    this.webhookSecret = webhookSecret;
  }

  /** The event, or empty for a genuine event of a type the gateway ignores. */
  Optional<ProviderEvent> read(byte[] rawBody, Map<String, String> headers, Instant now) {
    String payload = new String(rawBody, StandardCharsets.UTF_8);
    String signature = headers.get("stripe-signature");
    if (signature == null) {
      throw new InvalidWebhookException("no Stripe-Signature header");
    }
    Event event;
    try {
      event =
          Webhook.constructEvent(
              payload,
              signature,
              webhookSecret,
              TOLERANCE_SECONDS,
              java.time.Clock.fixed(now, ZoneOffset.UTC));
    } catch (SignatureVerificationException e) {
      throw new InvalidWebhookException("Stripe signature refused: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new InvalidWebhookException("not a Stripe event: " + e.getMessage());
    }
    JsonNode session = sessionOf(payload);
    return statusOf(event.getType(), session).map(status -> event(event, session, status));
  }

  private static Optional<PaymentStatus> statusOf(String type, JsonNode session) {
    String paymentStatus = session.path("payment_status").asString("");
    return switch (type) {
      case "checkout.session.completed" ->
          Optional.of(StripeSessions.status("complete", paymentStatus));
      case "checkout.session.async_payment_succeeded" -> Optional.of(PaymentStatus.PAID);
      case "checkout.session.async_payment_failed" -> Optional.of(PaymentStatus.FAILED);
      case "checkout.session.expired" -> Optional.of(PaymentStatus.EXPIRED);
      default -> Optional.empty();
    };
  }

  private static ProviderEvent event(Event event, JsonNode session, PaymentStatus status) {
    String sessionId = session.path("id").asString("");
    if (sessionId.isEmpty()) {
      throw new InvalidWebhookException("Stripe event " + event.getId() + " names no session");
    }
    Optional<String> reference =
        text(session.path("client_reference_id"))
            .or(() -> text(session.path("metadata").path(StripeSessions.REFERENCE)));
    return new ProviderEvent(
        ProviderId.STRIPE,
        event.getId(),
        event.getType(),
        sessionId,
        reference,
        status,
        Instant.ofEpochSecond(event.getCreated()));
  }

  private static JsonNode sessionOf(String payload) {
    try {
      return JSON.readTree(payload).path("data").path("object");
    } catch (JacksonException e) {
      throw new InvalidWebhookException("Stripe event is not JSON");
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node.isString() && !node.asString().isEmpty()
        ? Optional.of(node.asString())
        : Optional.empty();
  }
}
