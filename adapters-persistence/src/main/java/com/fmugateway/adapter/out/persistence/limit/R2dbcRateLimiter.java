package com.fmugateway.adapter.out.persistence.limit;

import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.port.out.RateLimiter;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Fixed windows counted with one atomic upsert per request, on the database's clock, so every
 * gateway instance sees the same count and the same window boundaries.
 */
public final class R2dbcRateLimiter implements RateLimiter {

  private final DatabaseClient db;

  public R2dbcRateLimiter(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<RateDecision> tryAcquire(String bucket, int limit, Duration window) {
    // A counter lost in a crash only forgives a few requests: not worth an fsync per request. The
    // setting is local to the statement's own transaction, so the count stays one round trip.
    return db.sql(
            Sql.RELAXED_COMMIT
                + "INSERT INTO rate_limit_windows (bucket, window_start, hits)"
                + " SELECT :b, date_bin(make_interval(secs => :secs), now(),"
                + " TIMESTAMPTZ '2000-01-01 00:00:00+00'), 1 FROM relaxed"
                + " ON CONFLICT (bucket, window_start)"
                + " DO UPDATE SET hits = rate_limit_windows.hits + 1"
                + " RETURNING hits, EXTRACT(EPOCH FROM (window_start"
                + " + make_interval(secs => :secs) - now())) * 1000 AS retry_ms")
        .bind("b", bucket)
        .bind("secs", (double) window.toSeconds())
        .map(
            row -> {
              int hits = row.get("hits", Integer.class);
              long retryMs =
                  Math.max(1, row.get("retry_ms", java.math.BigDecimal.class).longValue());
              return hits <= limit
                  ? RateDecision.allow(limit)
                  : new RateDecision(false, limit, Duration.ofMillis(retryMs));
            })
        .one();
  }

  /** Deletes windows that ended more than an hour ago. */
  public Mono<Long> purgeExpired() {
    return db.sql("DELETE FROM rate_limit_windows WHERE window_start < now() - INTERVAL '1 hour'")
        .fetch()
        .rowsUpdated();
  }
}
