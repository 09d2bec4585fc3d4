package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.payments.fake.FakeProviderServer;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;

/**
 * A way to pay as a customer of the gateway meets it: the {@code payment_method} to ask for, and
 * the provider that collects it, played by a local fake of its API, with what that provider does
 * and sends when the customer pays.
 */
abstract class Rail {

  /** What the gateway asked the provider for when it opened a checkout. */
  record Opened(
      long amountMinor,
      String currency,
      String idempotencyKey,
      String successUrl,
      String cancelUrl) {}

  /** The {@code payment_method} a customer names. */
  abstract String method();

  /** The provider's code, as in {@code /webhooks/<code>}. */
  abstract String provider();

  abstract FakeProviderServer fake();

  /** The request that opened the checkout whose reference is our {@code sessionId}. */
  abstract Opened opened(String sessionId);

  /** The customer paid in full: the provider's webhook saying so. */
  abstract SignedWebhook pay(String providerId);

  /** The customer paid but the provider has not confirmed it yet: its webhook saying so. */
  abstract SignedWebhook payUnconfirmed(String providerId);

  /** The provider confirms the payment that was waiting. */
  abstract SignedWebhook confirm(String providerId);

  /** The same body as {@code genuine}, signed with a secret other than the gateway's. */
  abstract SignedWebhook forge(SignedWebhook genuine);

  /** How often the gateway asked the provider how the checkout stands. */
  final long statusQueries(String providerId) {
    return fake().requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().equals(statusPath(providerId)))
        .count();
  }

  /** The path of the provider's API that tells how a checkout stands. */
  abstract String statusPath(String providerId);

  @Override
  public String toString() {
    return method() + " through " + provider();
  }
}
