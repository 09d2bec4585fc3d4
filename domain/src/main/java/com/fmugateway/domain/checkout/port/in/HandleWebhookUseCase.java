package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.checkout.model.WebhookOutcome;
import reactor.core.publisher.Mono;

/**
 * Use case: verify a provider's webhook and apply it once. Fails with {@link
 * com.fmugateway.domain.checkout.model.InvalidWebhookException} on a bad signature; any other
 * failure means it was not applied and the provider should deliver it again.
 */
public interface HandleWebhookUseCase {

  Mono<WebhookOutcome> handle(HandleWebhookCommand command);
}
