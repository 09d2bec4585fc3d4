package com.fmugateway.adapter.out.payments;

import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * This module's adapter in a real WebFlux server, with a stand-in for the payment core's webhook
 * endpoint that verifies each webhook as the core must: raw body, lower-case header names.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class PaymentsTestApplication {

  @Bean
  BlockingQueue<ProviderEvent> verifiedEvents() {
    return new LinkedBlockingQueue<>();
  }

  /** {@code POST /webhooks/{provider}}: 200 and recorded when verified, 400 when refused. */
  @RestController
  static class WebhookEndpoint {

    private final List<PaymentProvider> providers;
    private final BlockingQueue<ProviderEvent> events;

    WebhookEndpoint(List<PaymentProvider> providers, BlockingQueue<ProviderEvent> events) {
      this.providers = providers;
      this.events = events;
    }

    @PostMapping("/webhooks/{provider}")
    Mono<ResponseEntity<Void>> receive(
        @PathVariable String provider, @RequestBody byte[] body, ServerHttpRequest request) {
      Map<String, String> headers = new TreeMap<>();
      request
          .getHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      PaymentProvider target =
          providers.stream().filter(p -> p.id().code().equals(provider)).findFirst().orElseThrow();
      return target
          .verifyWebhook(body, headers)
          .doOnNext(events::add)
          .then(Mono.just(ResponseEntity.ok().<Void>build()))
          .onErrorResume(
              InvalidWebhookException.class,
              e -> Mono.just(ResponseEntity.badRequest().<Void>build()));
    }
  }
}
