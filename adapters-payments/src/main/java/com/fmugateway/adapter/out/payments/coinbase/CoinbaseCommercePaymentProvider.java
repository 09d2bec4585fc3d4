package com.fmugateway.adapter.out.payments.coinbase;

import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.adapter.out.payments.support.IdempotencyMemo;
import com.fmugateway.adapter.out.payments.support.ProviderGuard;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Crypto through Coinbase Commerce charges.
 *
 * <p>Coinbase documents no idempotency for charges. Within this process a replayed create returns
 * the charge the first one made; an attempt whose answer was lost (a timeout) may leave a second,
 * unseen charge behind, which expires unpaid because the customer only ever gets one hosted page.
 * Every charge carries the idempotency key and the gateway's reference in its metadata, so such
 * duplicates can be told apart from real payments.
 */
public final class CoinbaseCommercePaymentProvider implements PaymentProvider {

  /** How old a webhook may be when nothing else is configured: five minutes, as at Stripe. */
  public static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

  private final CoinbaseCommerceClient client;
  private final CoinbaseWebhookReader webhooks;
  private final Clock clock;
  private final ProviderGuard guard;
  private final IdempotencyMemo<Mono<ProviderCheckout>> creates;

  public CoinbaseCommercePaymentProvider(
      CoinbaseCommerceClient client,
      String webhookSecret,
      Duration webhookTolerance,
      Clock clock,
      GuardSettings settings) {
    this.client = client;
    this.webhooks = new CoinbaseWebhookReader(webhookSecret, webhookTolerance);
    this.clock = clock;
    this.guard = new ProviderGuard("Coinbase Commerce", settings);
    this.creates = new IdempotencyMemo<>(10_000, Duration.ofHours(24), clock);
  }

  @Override
  public ProviderId id() {
    return ProviderId.COINBASE;
  }

  @Override
  public Set<PaymentMethod> methods() {
    return Set.of(PaymentMethod.CRYPTO);
  }

  @Override
  public Mono<ProviderCheckout> createCheckout(CheckoutRequest request) {
    if (request.method() != PaymentMethod.CRYPTO) {
      return Mono.error(
          new IllegalArgumentException(
              "Coinbase Commerce collects crypto, not " + request.method()));
    }
    String key = request.idempotencyKey();
    return Mono.defer(
        () -> {
          Mono<ProviderCheckout> created =
              creates.computeIfAbsent(
                  key,
                  k ->
                      guard
                          .call("create charge", () -> client.createCharge(request))
                          .map(CoinbaseCommercePaymentProvider::checkout)
                          .cache());
          // A failure is not an answer to remember: the next attempt with this key tries again.
          return created.doOnError(e -> creates.remove(key, created));
        });
  }

  @Override
  public Mono<PaymentStatus> status(String providerSessionId) {
    return guard
        .call("retrieve charge", () -> client.charge(providerSessionId))
        .map(CoinbaseCharge::status);
  }

  @Override
  public Mono<ProviderEvent> verifyWebhook(byte[] rawBody, Map<String, String> headers) {
    return Mono.fromCallable(() -> webhooks.read(rawBody, headers, clock.now()).orElse(null));
  }

  private static ProviderCheckout checkout(CoinbaseCharge charge) {
    return new ProviderCheckout(
        ProviderId.COINBASE, charge.id(), charge.hostedUrl(), charge.expiresAt());
  }
}
