package com.fmugateway.adapter.in.http.payment;

import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.WebhookOutcome;
import com.fmugateway.domain.checkout.port.in.HandleWebhookCommand;
import com.fmugateway.domain.checkout.port.in.HandleWebhookUseCase;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/{provider}}, no API key: the raw body bytes (signatures cover them exactly)
 * and the headers go to the provider to verify. 2xx whenever the event is handled or can never be
 * (a duplicate, an event about nothing of ours), 400 for a bad signature, 5xx only when the
 * provider should deliver again.
 */
@RestController
@Hidden
class WebhookController {

  private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

  private final HandleWebhookUseCase webhooks;

  WebhookController(HandleWebhookUseCase webhooks) {
    this.webhooks = webhooks;
  }

  /** What the gateway did with the delivery. */
  record WebhookResponse(boolean received, String outcome) {}

  @PostMapping("/webhooks/{provider}")
  Mono<WebhookResponse> receive(
      @PathVariable String provider,
      @RequestBody(required = false) Mono<byte[]> body,
      ServerHttpRequest request) {
    Map<String, String> headers = new HashMap<>();
    request
        .getHeaders()
        .forEach(
            (name, values) ->
                headers.putIfAbsent(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return body.defaultIfEmpty(new byte[0])
        .flatMap(bytes -> webhooks.handle(new HandleWebhookCommand(provider, bytes, headers)))
        .doOnNext(outcome -> logOutcome(provider, outcome))
        .doOnError(
            InvalidWebhookException.class,
            e ->
                log.warn(
                    "Refused a webhook to /webhooks/{} from {}: {}",
                    provider,
                    request.getRemoteAddress(),
                    e.getMessage()))
        .map(outcome -> new WebhookResponse(true, outcome.name().toLowerCase(Locale.ROOT)));
  }

  private static void logOutcome(String provider, WebhookOutcome outcome) {
    if (outcome == WebhookOutcome.PAID_LATE) {
      // Money without goods: someone has to refund or honour it (see payment.paid_late).
      log.warn(
          "{} reports a payment for a checkout that had already expired or failed; it was not"
              + " fulfilled: refund or honour it (audit log, payment.paid_late)",
          provider);
    } else {
      log.debug("Webhook from {}: {}", provider, outcome);
    }
  }
}
