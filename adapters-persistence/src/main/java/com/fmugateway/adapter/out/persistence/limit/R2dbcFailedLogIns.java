package com.fmugateway.adapter.out.persistence.limit;

import com.fmugateway.domain.account.port.out.FailedLogIns;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Failed log-ins counted in the rate limiter's fixed windows ({@code rate_limit_windows}, on the
 * database's clock), so every gateway instance sees the same count. Windows of up to an hour: the
 * limiter's purge removes older ones.
 */
public final class R2dbcFailedLogIns implements FailedLogIns {

  private static final String WINDOW_START =
      "date_bin(make_interval(secs => :secs), now(), TIMESTAMPTZ '2000-01-01 00:00:00+00')";

  private final DatabaseClient db;

  public R2dbcFailedLogIns(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Duration> lockedFor(String subject, int limit, Duration window) {
    return db.sql(
            "SELECT hits, EXTRACT(EPOCH FROM (window_start + make_interval(secs => :secs)"
                + " - now())) * 1000 AS retry_ms FROM rate_limit_windows"
                + " WHERE bucket = :b AND window_start = "
                + WINDOW_START)
        .bind("b", subject)
        .bind("secs", (double) window.toSeconds())
        .map(
            row ->
                row.get("hits", Integer.class) < limit
                    ? Duration.ZERO
                    : Duration.ofMillis(
                        Math.max(1, row.get("retry_ms", BigDecimal.class).longValue())))
        .one()
        .defaultIfEmpty(Duration.ZERO);
  }

  @Override
  public Mono<Void> record(String subject, Duration window) {
    return db.sql(
            "INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (:b, "
                + WINDOW_START
                + ", 1) ON CONFLICT (bucket, window_start)"
                + " DO UPDATE SET hits = rate_limit_windows.hits + 1")
        .bind("b", subject)
        .bind("secs", (double) window.toSeconds())
        .fetch()
        .rowsUpdated()
        .then();
  }
}
