package com.fmugateway.adapter.out.payments.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the sandbox provider behaves. The base URLs are looked up when used, not when the gateway
 * starts, so that they may name a port chosen at start-up.
 *
 * @param publicBaseUrl where browsers reach the gateway, which serves the sandbox's checkout page
 * @param gatewayBaseUrl where the sandbox POSTs its webhooks ({@code /webhooks/sandbox} below it)
 * @param webhookSecret the key of the webhooks' HMAC signatures
 * @param checkoutLifetime how long a customer has to pay
 * @param deliveryAttempts attempts to deliver a webhook the gateway answers with 5xx
 * @param firstDeliveryBackoff wait before the second attempt; it doubles for each further one
 */
public record SandboxSettings(
    Supplier<URI> publicBaseUrl,
    Supplier<URI> gatewayBaseUrl,
    String webhookSecret,
    Duration checkoutLifetime,
    int deliveryAttempts,
    Duration firstDeliveryBackoff) {

  public SandboxSettings {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(gatewayBaseUrl, "gatewayBaseUrl");
    Objects.requireNonNull(checkoutLifetime, "checkoutLifetime");
    Objects.requireNonNull(firstDeliveryBackoff, "firstDeliveryBackoff");
    if (webhookSecret == null || webhookSecret.isBlank()) {
      throw new IllegalArgumentException("the sandbox needs a webhook secret");
    }
    if (deliveryAttempts < 1) {
      throw new IllegalArgumentException("deliveryAttempts must be positive: " + deliveryAttempts);
    }
  }

  /** An hour to pay; four delivery attempts, 0.5, 1 and 2 s apart. */
  public static SandboxSettings of(
      Supplier<URI> publicBaseUrl, Supplier<URI> gatewayBaseUrl, String webhookSecret) {
    return new SandboxSettings(
        publicBaseUrl,
        gatewayBaseUrl,
        webhookSecret,
        Duration.ofMinutes(60),
        4,
        Duration.ofMillis(500));
  }

  @Override
  public String toString() {
    return "SandboxSettings[webhookSecret=***, checkoutLifetime="
        + checkoutLifetime
        + ", deliveryAttempts="
        + deliveryAttempts
        + "]";
  }
}
