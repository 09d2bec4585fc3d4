package com.fmugateway.domain.checkout.model;

import java.time.Instant;
import java.util.Objects;

/** A checkout the provider opened: where the customer pays, and until when. */
public record ProviderCheckout(
    ProviderId provider, String providerSessionId, String checkoutUrl, Instant expiresAt) {

  public ProviderCheckout {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerSessionId, "providerSessionId");
    Objects.requireNonNull(checkoutUrl, "checkoutUrl");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
