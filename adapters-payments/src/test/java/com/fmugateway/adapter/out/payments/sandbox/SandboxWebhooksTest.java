package com.fmugateway.adapter.out.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.support.Hmac;
import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxWebhooksTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private final SandboxWebhooks webhooks = new SandboxWebhooks("secret");
  private final SandboxSession session =
      SandboxSession.open(Checkouts.request(PaymentMethod.CARD), NOW.plus(Duration.ofHours(1)));

  @Test
  void aWebhookSignedWithTheSecret_isRead() {
    SandboxWebhooks.Signed signed = webhooks.sign(SandboxWebhooks.PAID, session, NOW);

    assertThat(webhooks.read(signed.body(), headers(signed.signature()), NOW)).isPresent();
  }

  @Test
  void aForgedBody_isRefused() {
    SandboxWebhooks.Signed signed = webhooks.sign(SandboxWebhooks.EXPIRED, session, NOW);
    byte[] forged =
        new String(signed.body(), StandardCharsets.UTF_8)
            .replace(SandboxWebhooks.EXPIRED, SandboxWebhooks.PAID)
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> webhooks.read(forged, headers(signed.signature()), NOW))
        .isInstanceOf(InvalidWebhookException.class);
  }

  @Test
  void aWebhookSignedByAnotherProcess_isRefused() {
    SandboxWebhooks.Signed other =
        new SandboxWebhooks("another secret").sign(SandboxWebhooks.PAID, session, NOW);

    assertThatThrownBy(() -> webhooks.read(other.body(), headers(other.signature()), NOW))
        .isInstanceOf(InvalidWebhookException.class);
  }

  @Test
  void aSignatureOlderThanFiveMinutes_isRefused() {
    SandboxWebhooks.Signed signed = webhooks.sign(SandboxWebhooks.PAID, session, NOW);

    assertThat(webhooks.read(signed.body(), headers(signed.signature()), NOW.plusSeconds(300)))
        .isPresent();
    assertThatThrownBy(
            () -> webhooks.read(signed.body(), headers(signed.signature()), NOW.plusSeconds(301)))
        .isInstanceOf(InvalidWebhookException.class)
        .hasMessageContaining("older");
  }

  @Test
  void aGenuineEventOfAnotherType_isIgnored() {
    byte[] body =
        ("{\"id\":\"evt_1\",\"type\":\"checkout.viewed\",\"created\":"
                + NOW.getEpochSecond()
                + ",\"data\":{\"session\":\"sbx_1_0123456789abcdef\"}}")
            .getBytes(StandardCharsets.UTF_8);
    String signed = NOW.getEpochSecond() + "." + new String(body, StandardCharsets.UTF_8);
    String signature =
        "t="
            + NOW.getEpochSecond()
            + ",v1="
            + Hmac.sha256Hex("secret", signed.getBytes(StandardCharsets.UTF_8));

    assertThat(webhooks.read(body, headers(signature), NOW)).isEmpty();
  }

  @Test
  void aWebhookWithoutOrWithAGarbledSignature_isRefused() {
    SandboxWebhooks.Signed signed = webhooks.sign(SandboxWebhooks.PAID, session, NOW);

    assertThatThrownBy(() -> webhooks.read(signed.body(), Map.of(), NOW))
        .isInstanceOf(InvalidWebhookException.class);
    assertThatThrownBy(() -> webhooks.read(signed.body(), headers("v1=abc,t=x"), NOW))
        .isInstanceOf(InvalidWebhookException.class);
  }

  private static Map<String, String> headers(String signature) {
    return Map.of("sandbox-signature", signature);
  }
}
