package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.payment.WebhookOutcome;
import reactor.core.publisher.Mono;

/**
 * Use case: verify a provider's webhook and apply it once. Fails with {@link
 * com.fmugateway.domain.model.payment.InvalidWebhookException} on a bad signature; any other
 * failure means it was not applied and the provider should deliver it again.
 */
public interface HandleWebhookUseCase {

  Mono<WebhookOutcome> handle(HandleWebhookCommand command);
}
