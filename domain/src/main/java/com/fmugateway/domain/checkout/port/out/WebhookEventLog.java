package com.fmugateway.domain.checkout.port.out;

import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Role: the provider events already processed, each at most once. Recorded inside the transaction
 * that applies the event, so an event is either processed and recorded or neither.
 */
public interface WebhookEventLog {

  /** Records the event; false when this provider's event id was recorded before. */
  Mono<Boolean> recordOnce(
      ProviderId provider,
      String eventId,
      PaymentSessionId session,
      PaymentStatus status,
      Instant at);
}
