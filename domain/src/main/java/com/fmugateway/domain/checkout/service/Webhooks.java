package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.model.WebhookOutcome;
import com.fmugateway.domain.checkout.port.in.HandleWebhookCommand;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.shared.model.NotFoundException;
import java.util.Arrays;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Receives webhooks: the named provider verifies the raw body, the event is matched to a checkout
 * of that provider, and the settlement applies it once. Events about other checkouts (another
 * application on the same provider account) are acknowledged and ignored.
 */
final class Webhooks {

  private final PaymentProviders providers;
  private final PaymentSessionStore sessions;
  private final PaymentSettlement settlement;

  Webhooks(PaymentProviders providers, PaymentSessionStore sessions, PaymentSettlement settlement) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.settlement = Objects.requireNonNull(settlement, "settlement");
  }

  Mono<WebhookOutcome> handle(HandleWebhookCommand command) {
    return Mono.defer(
        () -> {
          PaymentProvider provider =
              Arrays.stream(ProviderId.values())
                  .filter(id -> id.code().equals(command.provider()))
                  .findFirst()
                  .flatMap(providers::byId)
                  .orElseThrow(
                      () -> new NotFoundException("no payment provider " + command.provider()));
          return provider
              .verifyWebhook(command.body(), command.headers())
              .flatMap(this::apply)
              .defaultIfEmpty(WebhookOutcome.IGNORED);
        });
  }

  private Mono<WebhookOutcome> apply(ProviderEvent event) {
    return sessionOf(event)
        .filter(
            s ->
                s.provider() == event.provider()
                    && s.providerSessionId().equals(event.providerSessionId()))
        .flatMap(session -> settlement.apply(session, event.status(), event.eventId()));
  }

  private Mono<PaymentSession> sessionOf(ProviderEvent event) {
    return event
        .reference()
        .map(reference -> sessions.find(new PaymentSessionId(reference)))
        .orElseGet(
            () -> sessions.findByProviderSession(event.provider(), event.providerSessionId()));
  }
}
