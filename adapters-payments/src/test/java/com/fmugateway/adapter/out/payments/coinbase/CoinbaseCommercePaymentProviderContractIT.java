package com.fmugateway.adapter.out.payments.coinbase;

import com.fmugateway.adapter.out.payments.fake.FakeCoinbaseServer;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fixtures.PaymentProviderContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The Coinbase Commerce adapter against the local fake Coinbase, held to the provider contract. */
class CoinbaseCommercePaymentProviderContractIT extends PaymentProviderContract {

  /** Patient with a slow first call, quick to give up on a server that answers 500. */
  private static final GuardSettings QUICK =
      new GuardSettings(
          Duration.ofSeconds(10), 3, Duration.ofMillis(20), 10, 4, Duration.ofMinutes(1));

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final FakeCoinbaseServer coinbase = new FakeCoinbaseServer(clock);
  private final CoinbaseCommercePaymentProvider provider =
      new CoinbaseCommercePaymentProvider(
          new CoinbaseCommerceClient(
              coinbase.baseUrl(), FakeCoinbaseServer.API_KEY, Duration.ofSeconds(5)),
          FakeCoinbaseServer.WEBHOOK_SECRET,
          Duration.ofMinutes(5),
          clock,
          QUICK);

  @AfterEach
  void close() {
    coinbase.close();
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
    return webhook(coinbase.pay(providerSessionId));
  }

  @Override
  protected Webhook expire(String providerSessionId) {
    return webhook(coinbase.expire(providerSessionId));
  }

  @Override
  protected Webhook signedWithAnotherSecret(String providerSessionId) {
    return webhook(coinbase.forge(coinbase.pay(providerSessionId)));
  }

  @Override
  protected Optional<Webhook> stale(String providerSessionId) {
    coinbase.pay(providerSessionId);
    return Optional.of(
        webhook(
            coinbase.event(
                "charge:confirmed", providerSessionId, clock.now().minus(Duration.ofMinutes(6)))));
  }

  @Override
  protected boolean goDown() {
    coinbase.failNextCalls(Integer.MAX_VALUE);
    return true;
  }

  private static Webhook webhook(SignedWebhook signed) {
    return new Webhook(signed.body(), signed.headers());
  }
}
