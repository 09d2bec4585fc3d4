package com.fmugateway.domain.port.out;

import com.fmugateway.domain.model.payment.PaymentSessionId;
import com.fmugateway.domain.model.payment.PaymentStatus;
import com.fmugateway.domain.model.payment.ProviderId;
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
