package com.fmugateway.adapter.out.persistence.database;

import com.fmugateway.domain.shared.model.StoreUnavailableException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;

/**
 * The connection pool as every store sees it: a connection that cannot be had (the server down or
 * unreachable, the pool exhausted past its acquire timeout) is a {@link StoreUnavailableException},
 * which the API answers with 503 and Retry-After instead of 500. The pool checks each connection's
 * socket on acquire (locally, no round trip), so once the server is back the dead ones are dropped
 * and requests succeed again without a restart.
 */
public final class OutageAwareConnections implements ConnectionFactory {

  private final ConnectionFactory pool;

  public OutageAwareConnections(ConnectionFactory pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public Publisher<? extends Connection> create() {
    return Mono.from(pool.create())
        .onErrorMap(
            OutageAwareConnections::isOutage,
            e -> new StoreUnavailableException("the database cannot be reached", e));
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return pool.getMetadata();
  }

  /** A failure to reach the server at all, anywhere in the cause chain. */
  static boolean isOutage(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof R2dbcNonTransientResourceException
          || e instanceof R2dbcTransientResourceException
          || e instanceof R2dbcTimeoutException
          || e instanceof PoolAcquireTimeoutException
          || e instanceof PoolAcquirePendingLimitException
          || e instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }
}
