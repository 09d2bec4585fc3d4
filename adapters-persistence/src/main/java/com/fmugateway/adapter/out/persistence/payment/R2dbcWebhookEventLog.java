package com.fmugateway.adapter.out.persistence.payment;

import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.port.out.WebhookEventLog;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Processed provider events in PostgreSQL, unique per (provider, event id). A concurrent delivery
 * of the same event waits on the first one's uncommitted row and then finds it: recorded once.
 */
public final class R2dbcWebhookEventLog implements WebhookEventLog {

  private final DatabaseClient db;

  public R2dbcWebhookEventLog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Boolean> recordOnce(
      ProviderId provider,
      String eventId,
      PaymentSessionId session,
      PaymentStatus status,
      Instant at) {
    return db.sql(
            "INSERT INTO webhook_events (provider, event_id, session_id, status, received_at)"
                + " VALUES (:p, :e, :s, :status, :at) ON CONFLICT (provider, event_id) DO NOTHING")
        .bind("p", provider.name())
        .bind("e", eventId)
        .bind("s", session.value())
        .bind("status", status.name())
        .bind("at", utc(at))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }
}
