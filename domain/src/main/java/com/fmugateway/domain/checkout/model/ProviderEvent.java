package com.fmugateway.domain.checkout.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified webhook, reduced to what the gateway acts on. {@code eventId} is the provider's own
 * (each is processed once); {@code reference} is the gateway session id when the provider echoes
 * it; {@code status} is what the event says happened to the checkout.
 */
public record ProviderEvent(
    ProviderId provider,
    String eventId,
    String type,
    String providerSessionId,
    Optional<String> reference,
    PaymentStatus status,
    Instant occurredAt) {

  public ProviderEvent {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(providerSessionId, "providerSessionId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
