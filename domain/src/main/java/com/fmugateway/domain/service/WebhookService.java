package com.fmugateway.domain.service;

import com.fmugateway.domain.model.common.NotFoundException;
import com.fmugateway.domain.model.payment.PaymentSession;
import com.fmugateway.domain.model.payment.PaymentSessionId;
import com.fmugateway.domain.model.payment.ProviderEvent;
import com.fmugateway.domain.model.payment.ProviderId;
import com.fmugateway.domain.model.payment.WebhookOutcome;
import com.fmugateway.domain.port.in.HandleWebhookCommand;
import com.fmugateway.domain.port.in.HandleWebhookUseCase;
import com.fmugateway.domain.port.out.PaymentProvider;
import com.fmugateway.domain.port.out.PaymentSessionStore;
import java.util.Arrays;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Receives webhooks: the named provider verifies the raw body, the event is matched to a checkout
 * of that provider, and the settlement applies it once. Events about other checkouts (another
 * application on the same provider account) are acknowledged and ignored.
 */
public final class WebhookService implements HandleWebhookUseCase {

  private final PaymentProviders providers;
  private final PaymentSessionStore sessions;
  private final PaymentSettlement settlement;

  public WebhookService(
      PaymentProviders providers, PaymentSessionStore sessions, PaymentSettlement settlement) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.settlement = Objects.requireNonNull(settlement, "settlement");
  }

  @Override
  public Mono<WebhookOutcome> handle(HandleWebhookCommand command) {
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
