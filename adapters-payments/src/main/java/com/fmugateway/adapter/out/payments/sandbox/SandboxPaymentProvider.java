package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.shared.model.PeriodicJob;
import com.fmugateway.domain.shared.port.out.Clock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A payment provider inside the gateway, for development and demos: its checkout page has a Pay
 * button that takes no money, after which it sends the gateway a signed webhook exactly as a real
 * provider would. It must never be active next to live keys; the configuration sees to that.
 */
public final class SandboxPaymentProvider implements PaymentProvider {

  /** Path of a checkout's page below the public base URL; the id follows. */
  public static final String CHECKOUT_PATH = "/sandbox/checkout/";

  private final SandboxSettings settings;
  private final Clock clock;
  private final SandboxCheckouts checkouts = new SandboxCheckouts();
  private final SandboxWebhooks webhooks;
  private final SandboxWebhookSender sender;

  public SandboxPaymentProvider(SandboxSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.webhooks = new SandboxWebhooks(settings.webhookSecret());
    this.sender =
        new SandboxWebhookSender(settings.deliveryAttempts(), settings.firstDeliveryBackoff());
  }

  @Override
  public ProviderId id() {
    return ProviderId.SANDBOX;
  }

  @Override
  public Set<PaymentMethod> methods() {
    return Set.of(PaymentMethod.CARD, PaymentMethod.CRYPTO);
  }

  @Override
  public Mono<ProviderCheckout> createCheckout(CheckoutRequest request) {
    return Mono.fromSupplier(
        () -> {
          SandboxSession session =
              checkouts.open(request, clock.now().plus(settings.checkoutLifetime()));
          return new ProviderCheckout(
              ProviderId.SANDBOX,
              session.id(),
              under(settings.publicBaseUrl().get(), CHECKOUT_PATH + session.id()).toString(),
              session.expiresAt());
        });
  }

  @Override
  public Mono<PaymentStatus> status(String providerSessionId) {
    return Mono.fromSupplier(
        () -> {
          Instant now = clock.now();
          Optional<SandboxSession> session = checkouts.find(providerSessionId);
          if (session.isPresent()) {
            return session.get().statusAt(now);
          }
          // Forgotten by a restart: nobody can pay it any more, so it expires on schedule.
          Instant expiry =
              SandboxSession.expiryOf(providerSessionId)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "not a sandbox session id: " + providerSessionId));
          return now.isBefore(expiry) ? PaymentStatus.PENDING : PaymentStatus.EXPIRED;
        });
  }

  @Override
  public Mono<ProviderEvent> verifyWebhook(byte[] rawBody, Map<String, String> headers) {
    return Mono.fromCallable(() -> webhooks.read(rawBody, headers, clock.now()).orElse(null));
  }

  /** The job that expires unpaid checkouts every {@code period}, with a webhook for each. */
  public PeriodicJob expiry(Duration period) {
    return PeriodicJob.every(period, "sandbox checkout expiry", this::expireDue);
  }

  /** A checkout as of now; empty if unknown (never opened, or forgotten by a restart). */
  Optional<SandboxSession> checkout(String id) {
    Instant now = clock.now();
    return checkouts.find(id).map(session -> session.with(session.statusAt(now)));
  }

  /**
   * The customer pressed Pay: the checkout is paid and the gateway told, unless it was paid already
   * or expired. Emits the checkout as it ends up, or nothing if it is unknown.
   */
  Mono<SandboxSession> pay(String id) {
    return Mono.defer(
        () -> {
          Instant now = clock.now();
          if (!checkouts.markPaid(id, now)) {
            return Mono.justOrEmpty(checkout(id));
          }
          SandboxSession paid = checkouts.find(id).orElseThrow();
          return deliver(SandboxWebhooks.PAID, paid, now).thenReturn(paid);
        });
  }

  /** Expires every unpaid checkout past its time and tells the gateway of each. */
  Mono<Void> expireDue() {
    return Mono.defer(
        () -> {
          Instant now = clock.now();
          return Flux.fromIterable(checkouts.expireDue(now))
              .concatMap(session -> deliver(SandboxWebhooks.EXPIRED, session, now))
              .then();
        });
  }

  private Mono<Boolean> deliver(String type, SandboxSession session, Instant now) {
    URI endpoint = under(settings.gatewayBaseUrl().get(), "/webhooks/" + ProviderId.SANDBOX.code());
    return sender.send(endpoint, webhooks.sign(type, session, now));
  }

  /** {@code path} below {@code base}, keeping a base path such as a proxy's prefix. */
  private static URI under(URI base, String path) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }
}
