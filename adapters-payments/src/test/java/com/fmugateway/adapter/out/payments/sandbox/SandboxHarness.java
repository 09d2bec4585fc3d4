package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.adapter.out.payments.fake.WebhookRecorder;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.fixtures.MutableClock;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A sandbox provider at a standing clock, its pages in a test browser, and a recorder in place of
 * the gateway's webhook endpoint.
 */
final class SandboxHarness implements AutoCloseable {

  static final URI PUBLIC = URI.create("http://gateway.test:8080");
  static final Duration WAIT = Duration.ofSeconds(5);

  final MutableClock clock = MutableClock.atEpochDay();
  final WebhookRecorder gateway = new WebhookRecorder();
  final SandboxSettings settings =
      new SandboxSettings(
          () -> PUBLIC,
          gateway::baseUrl,
          "sandbox-secret",
          Duration.ofMinutes(60),
          3,
          Duration.ofMillis(10));
  final SandboxPaymentProvider provider = new SandboxPaymentProvider(settings, clock);
  final WebTestClient browser =
      WebTestClient.bindToRouterFunction(new SandboxCheckoutRoutes(provider).routes()).build();

  String open(CheckoutRequest request) {
    return provider.createCheckout(request).block().providerSessionId();
  }

  String get(String path, HttpStatus status) {
    return browser
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  WebTestClient.ResponseSpec post(String path) {
    return browser.post().uri(path).exchange();
  }

  ProviderEvent verify(WebhookRecorder.Delivery delivery) {
    return provider.verifyWebhook(delivery.webhook().body(), delivery.webhook().headers()).block();
  }

  @Override
  public void close() {
    gateway.close();
  }
}
