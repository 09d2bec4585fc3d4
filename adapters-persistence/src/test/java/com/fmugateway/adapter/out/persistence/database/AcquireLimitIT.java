package com.fmugateway.adapter.out.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.persistence.PersistenceConfiguration;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.shared.model.StoreUnavailableException;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A request that finds every connection taken waits a bounded time, then gets "the database cannot
 * be reached" (503), and leaves no claim behind that would take a connection nobody uses.
 */
class AcquireLimitIT {

  private static final Duration BLOCK = Duration.ofSeconds(10);

  private ConnectionPool pool;

  /** The gateway's pool with one connection, and requests that wait at most {@code wait}. */
  private OutageAwareConnections oneConnection(Duration wait) {
    pool =
        PersistenceConfiguration.pool(
            TestDatabase.freshDatabase(),
            new DatabaseProperties.Pool(1, 1, wait),
            new DatabaseActivity());
    return new OutageAwareConnections(pool);
  }

  @AfterEach
  void close() {
    pool.dispose();
  }

  @Test
  void aRequestThatFindsNoFreeConnection_isTurnedAwayAfterTheLimit_andLeavesNoClaim() {
    OutageAwareConnections connections = oneConnection(Duration.ofMillis(300));
    Connection taken = Mono.from(connections.create()).block(BLOCK);

    assertThatThrownBy(() -> Mono.from(connections.create()).block(BLOCK))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage("the database cannot be reached")
        .cause()
        .isInstanceOf(R2dbcTimeoutException.class)
        .hasMessageContaining("300ms");
    assertThat(pool.getMetrics().orElseThrow().pendingAcquireSize())
        .as("requests still queued for a connection")
        .isZero();

    Mono.from(taken.close()).block(BLOCK);
    Connection again = Mono.from(connections.create()).block(BLOCK);
    assertThat(again).as("the connection, free again, goes to the next request").isNotNull();
    Mono.from(again.close()).block(BLOCK);
  }

  @Test
  void aRequestThatWaits_getsTheConnectionFreedBeforeItsLimit() {
    OutageAwareConnections connections = oneConnection(Duration.ofSeconds(30));
    Connection taken = Mono.from(connections.create()).block(BLOCK);
    Mono<Connection> waiting = Mono.<Connection>from(connections.create()).cache();
    waiting.subscribe(connection -> {}, failure -> {}); // queued: the pool has one connection

    Mono.from(taken.close()).block(BLOCK);

    Connection handedOver = waiting.block(BLOCK);
    assertThat(handedOver).isNotNull();
    Mono.from(handedOver.close()).block(BLOCK);
  }
}
