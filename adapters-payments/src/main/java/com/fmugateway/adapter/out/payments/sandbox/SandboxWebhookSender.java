package com.fmugateway.adapter.out.payments.sandbox;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * POSTs the sandbox's webhooks to the gateway as a provider would, retrying with backoff while the
 * gateway answers 5xx or cannot be reached. It never fails: a webhook that cannot be delivered is
 * logged, and the gateway learns the outcome from {@code status()} when it reconciles.
 */
final class SandboxWebhookSender {

  private static final Logger log = LoggerFactory.getLogger(SandboxWebhookSender.class);

  private final WebClient web;
  private final int attempts;
  private final Duration firstBackoff;

  SandboxWebhookSender(int attempts, Duration firstBackoff) {
    this.web =
        WebClient.builder()
            .clientConnector(
                new ReactorClientHttpConnector(
                    HttpClient.create().responseTimeout(Duration.ofSeconds(10))))
            .build();
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
  }

  /** True once the gateway accepted the webhook (2xx), false when it refused or never did. */
  Mono<Boolean> send(URI endpoint, SandboxWebhooks.Signed webhook) {
    return web.post()
        .uri(endpoint)
        .contentType(MediaType.APPLICATION_JSON)
        .header(SandboxWebhooks.HEADER, webhook.signature())
        .bodyValue(webhook.body())
        .retrieve()
        .toBodilessEntity()
        .thenReturn(true)
        .retryWhen(
            Retry.backoff(attempts - 1, firstBackoff)
                .jitter(0)
                .filter(SandboxWebhookSender::worthRetrying))
        .onErrorResume(
            e -> {
              log.warn(
                  "Sandbox webhook to {} not delivered; the gateway will learn of it when it"
                      + " reconciles: {}",
                  endpoint,
                  e.toString());
              return Mono.just(false);
            });
  }

  private static boolean worthRetrying(Throwable e) {
    return !(e instanceof WebClientResponseException response)
        || response.getStatusCode().is5xxServerError();
  }
}
