package com.fmugateway.adapter.out.persistence.limit;

import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.port.out.RateLimiter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Fixed windows counted with one atomic upsert, on the database's clock, so every gateway instance
 * sees the same count and the same window boundaries. Under a limit of 200 or more a gateway counts
 * 1% of it at once and spends those hits without a round trip ({@link WindowLeases#leaseSize}); a
 * window the database called full is refused here until it ends. Nobody is ever admitted past the
 * limit; with several gateways, one may refuse up to 1% of the limit early per other gateway, the
 * hits those hold unspent.
 */
public final class R2dbcRateLimiter implements RateLimiter {

  private final DatabaseClient db;
  private final WindowLeases leases;

  public R2dbcRateLimiter(DatabaseClient db) {
    this.db = db;
    this.leases = new WindowLeases();
  }

  @Override
  public Mono<RateDecision> tryAcquire(String bucket, int limit, Duration window) {
    return Mono.defer(
        () -> {
          Optional<RateDecision> known = leases.take(bucket, limit);
          return known.isPresent() ? Mono.just(known.get()) : count(bucket, limit, window);
        });
  }

  private Mono<RateDecision> count(String bucket, int limit, Duration window) {
    int lease = WindowLeases.leaseSize(limit);
    long sent = leases.now();
    // A counter lost in a crash only forgives a few requests: not worth an fsync per request. The
    // setting is local to the statement's own transaction, so the count stays one round trip.
    return db.sql(
            Sql.RELAXED_COMMIT
                + "INSERT INTO rate_limit_windows (bucket, window_start, hits)"
                + " SELECT :b, date_bin(make_interval(secs => :secs), now(),"
                + " TIMESTAMPTZ '2000-01-01 00:00:00+00'), :lease FROM relaxed"
                + " ON CONFLICT (bucket, window_start)"
                + " DO UPDATE SET hits = rate_limit_windows.hits + :lease"
                + " RETURNING hits, EXTRACT(EPOCH FROM window_start) * 1000 AS start_ms,"
                + " EXTRACT(EPOCH FROM (window_start"
                + " + make_interval(secs => :secs) - now())) * 1000 AS retry_ms")
        .bind("b", bucket)
        .bind("secs", (double) window.toSeconds())
        .bind("lease", lease)
        .map(
            row -> {
              int hits = row.get("hits", Integer.class);
              long startMillis = row.get("start_ms", BigDecimal.class).longValue();
              long retryMs = Math.max(1, row.get("retry_ms", BigDecimal.class).longValue());
              // The hits counted before this lease decide how many of it fall under the limit.
              int granted = (int) Math.max(0, Math.min(lease, (long) limit - (hits - lease)));
              leases.learned(
                  bucket,
                  limit,
                  startMillis,
                  sent + Duration.ofMillis(retryMs).toNanos(),
                  granted - 1,
                  hits >= limit);
              return granted > 0
                  ? RateDecision.allow(limit)
                  : new RateDecision(false, limit, Duration.ofMillis(retryMs));
            })
        .one();
  }

  /** Deletes windows that ended more than an hour ago, and forgets ended ones here. */
  public Mono<Long> purgeExpired() {
    return db.sql("DELETE FROM rate_limit_windows WHERE window_start < now() - INTERVAL '1 hour'")
        .fetch()
        .rowsUpdated()
        .doOnSuccess(purged -> leases.purge());
  }
}
