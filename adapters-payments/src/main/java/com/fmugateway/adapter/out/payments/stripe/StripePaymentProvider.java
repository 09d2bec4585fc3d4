package com.fmugateway.adapter.out.payments.stripe;

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
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Cards through Stripe Checkout, with stripe-java's blocking calls kept off the event loop. */
public final class StripePaymentProvider implements PaymentProvider, AutoCloseable {

  /** How long a customer has to pay; Stripe accepts 30 minutes to 24 hours. */
  public static final Duration CHECKOUT_LIFETIME = Duration.ofMinutes(60);

  private final StripeClient client;
  private final StripeWebhookReader webhooks;
  private final Clock clock;
  private final ProviderGuard guard;
  private final Scheduler blocking;
  private final IdempotencyMemo<Instant> expiries;

  /**
   * A provider talking to {@code apiBase} ({@code https://api.stripe.com}, or a fake). stripe-java
   * retries nothing itself here: {@code settings} decide retries, timeouts and the breaker.
   */
  public StripePaymentProvider(
      String secretKey, String webhookSecret, String apiBase, Clock clock, GuardSettings settings) {
    this(
        StripeClient.builder()
            .setApiKey(secretKey)
            .setApiBase(apiBase)
            .setMaxNetworkRetries(0)
            .setConnectTimeout((int) Math.min(settings.timeout().toMillis(), 5_000))
            // Past the guard's timeout the call is abandoned; this frees its thread soon after.
            .setReadTimeout((int) settings.timeout().plusSeconds(1).toMillis())
            .build(),
        webhookSecret,
        clock,
        settings);
  }

  public StripePaymentProvider(
      StripeClient client, String webhookSecret, Clock clock, GuardSettings settings) {
    this.client = client;
    this.webhooks = new StripeWebhookReader(webhookSecret);
    this.clock = clock;
    this.guard = new ProviderGuard("Stripe", settings);
    this.blocking = Schedulers.newBoundedElastic(16, 256, "stripe");
    // A retried create must send the same parameters, expires_at included, or Stripe refuses it.
    this.expiries = new IdempotencyMemo<>(10_000, Duration.ofHours(24), clock);
  }

  @Override
  public ProviderId id() {
    return ProviderId.STRIPE;
  }

  @Override
  public Set<PaymentMethod> methods() {
    return Set.of(PaymentMethod.CARD);
  }

  @Override
  public Mono<ProviderCheckout> createCheckout(CheckoutRequest request) {
    if (request.method() != PaymentMethod.CARD) {
      return Mono.error(
          new IllegalArgumentException("Stripe collects cards, not " + request.method()));
    }
    return Mono.defer(
            () -> {
              Instant expiresAt =
                  expiries.computeIfAbsent(
                      request.idempotencyKey(), key -> clock.now().plus(CHECKOUT_LIFETIME));
              SessionCreateParams params = StripeSessions.params(request, expiresAt);
              RequestOptions options =
                  RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
              return guard.call(
                  "create checkout session",
                  () ->
                      blocking(
                          "create checkout session", () -> sessions().create(params, options)));
            })
        .map(StripeSessions::checkout);
  }

  @Override
  public Mono<PaymentStatus> status(String providerSessionId) {
    return guard
        .call(
            "retrieve checkout session",
            () ->
                blocking("retrieve checkout session", () -> sessions().retrieve(providerSessionId)))
        .map(session -> StripeSessions.status(session.getStatus(), session.getPaymentStatus()));
  }

  @Override
  public Mono<ProviderEvent> verifyWebhook(byte[] rawBody, Map<String, String> headers) {
    return Mono.fromCallable(() -> webhooks.read(rawBody, headers, clock.now()).orElse(null));
  }

  /** Stops the threads that ran stripe-java's calls. */
  @Override
  public void close() {
    blocking.dispose();
  }

  private com.stripe.service.checkout.SessionService sessions() {
    return client.v1().checkout().sessions();
  }

  private Mono<Session> blocking(String operation, Callable<Session> call) {
    return Mono.fromCallable(call)
        .subscribeOn(blocking)
        .onErrorMap(StripeException.class, e -> StripeFailures.translate(operation, e));
  }
}
