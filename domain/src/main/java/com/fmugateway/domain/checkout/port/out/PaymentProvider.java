package com.fmugateway.domain.checkout.port.out;

import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Role: one payment rail (Stripe, Coinbase Commerce, the sandbox). Calls that leave the machine
 * fail with {@link com.fmugateway.domain.checkout.model.ProviderUnavailableException} when the
 * provider should be retried later.
 */
public interface PaymentProvider {

  ProviderId id();

  /** The payment methods this provider collects. */
  Set<PaymentMethod> methods();

  /** Opens a hosted checkout; retried creates with the same idempotency key return the same one. */
  Mono<ProviderCheckout> createCheckout(CheckoutRequest request);

  /** The provider's current view of a checkout, for reconciliation of missed webhooks. */
  Mono<PaymentStatus> status(String providerSessionId);

  /**
   * Verifies a webhook on its raw bytes and headers (names lower-case) and reads it. Fails with
   * {@link com.fmugateway.domain.checkout.model.InvalidWebhookException} on a bad or stale
   * signature; returns empty for a genuine event of a type the gateway ignores.
   */
  Mono<ProviderEvent> verifyWebhook(byte[] rawBody, Map<String, String> headers);
}
