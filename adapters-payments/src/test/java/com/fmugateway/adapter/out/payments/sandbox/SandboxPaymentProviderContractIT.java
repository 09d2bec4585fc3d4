package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.adapter.out.payments.fake.WebhookRecorder;
import com.fmugateway.adapter.out.payments.support.Hmac;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.fixtures.PaymentProviderContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The sandbox provider held to the provider contract: paid through its own Pay action, expired by
 * its sweep, its webhooks taken from a recorder standing in for the gateway. It never leaves the
 * machine, so it is never unavailable.
 */
class SandboxPaymentProviderContractIT extends PaymentProviderContract {

  private final SandboxHarness sandbox = new SandboxHarness();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Override
  protected PaymentProvider provider() {
    return sandbox.provider;
  }

  @Override
  protected Instant now() {
    return sandbox.clock.now();
  }

  @Override
  protected Webhook pay(String providerSessionId) {
    sandbox.provider.pay(providerSessionId).block();
    return delivered();
  }

  @Override
  protected Webhook expire(String providerSessionId) {
    sandbox.clock.advance(sandbox.settings.checkoutLifetime().plusMinutes(1));
    sandbox.provider.expireDue().block();
    return delivered();
  }

  @Override
  protected Webhook signedWithAnotherSecret(String providerSessionId) {
    byte[] body = pay(providerSessionId).body();
    long t = sandbox.clock.now().getEpochSecond();
    String v1 = Hmac.sha256Hex("not-the-sandbox-secret", signed(t, body));
    return new Webhook(body, Map.of("sandbox-signature", "t=" + t + ",v1=" + v1));
  }

  @Override
  protected Optional<Webhook> stale(String providerSessionId) {
    Webhook webhook = pay(providerSessionId);
    sandbox.clock.advance(Duration.ofMinutes(6));
    return Optional.of(webhook);
  }

  @Override
  protected boolean goDown() {
    return false;
  }

  private Webhook delivered() {
    try {
      WebhookRecorder.Delivery delivery = sandbox.gateway.next(SandboxHarness.WAIT);
      return new Webhook(delivery.webhook().body(), delivery.webhook().headers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] signed(long t, byte[] body) {
    byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return signed;
  }
}
