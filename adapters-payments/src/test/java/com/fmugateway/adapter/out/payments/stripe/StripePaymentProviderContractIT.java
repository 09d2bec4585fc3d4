package com.fmugateway.adapter.out.payments.stripe;

import com.fmugateway.adapter.out.payments.fake.FakeStripeServer;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fixtures.PaymentProviderContract;
import com.stripe.Stripe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The Stripe adapter against the local fake Stripe, held to the provider contract. */
class StripePaymentProviderContractIT extends PaymentProviderContract {

  /** Patient with a slow first call, quick to give up on a server that answers 500. */
  private static final GuardSettings QUICK =
      new GuardSettings(
          Duration.ofSeconds(10), 3, Duration.ofMillis(20), 10, 4, Duration.ofMinutes(1));

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final FakeStripeServer stripe = new FakeStripeServer(clock);
  private final StripePaymentProvider provider =
      new StripePaymentProvider(
          FakeStripeServer.API_KEY,
          FakeStripeServer.WEBHOOK_SECRET,
          stripe.baseUrl(),
          clock,
          QUICK);

  @AfterEach
  void close() {
    provider.close();
    stripe.close();
  }

  @Override
  protected PaymentProvider provider() {
    return provider;
  }

  @Override
  protected Instant now() {
    return clock.now();
  }

  @Override
  protected Webhook pay(String providerSessionId) {
    return webhook(stripe.pay(providerSessionId));
  }

  @Override
  protected Webhook expire(String providerSessionId) {
    return webhook(stripe.expire(providerSessionId));
  }

  @Override
  protected Webhook signedWithAnotherSecret(String providerSessionId) {
    return webhook(stripe.forge(stripe.pay(providerSessionId)));
  }

  @Override
  protected Optional<Webhook> stale(String providerSessionId) {
    stripe.pay(providerSessionId);
    return Optional.of(
        webhook(
            stripe.event(
                "checkout.session.completed",
                providerSessionId,
                Stripe.API_VERSION,
                clock.now().minus(Duration.ofMinutes(6)))));
  }

  @Override
  protected boolean goDown() {
    stripe.failNextCalls(Integer.MAX_VALUE);
    return true;
  }

  private static Webhook webhook(SignedWebhook signed) {
    return new Webhook(signed.body(), signed.headers());
  }
}
