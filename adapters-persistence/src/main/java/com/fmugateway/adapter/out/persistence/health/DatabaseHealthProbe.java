package com.fmugateway.adapter.out.persistence.health;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.port.out.HealthProbe;
import java.time.Duration;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reports the database up when a round trip succeeds within a short deadline. */
public final class DatabaseHealthProbe implements HealthProbe {

  static final String NAME = "database";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final DatabaseClient db;
  private final DatabaseEndpoint endpoint;

  public DatabaseHealthProbe(DatabaseClient db, DatabaseEndpoint endpoint) {
    this.db = db;
    this.endpoint = endpoint;
  }

  @Override
  public Mono<ComponentHealth> probe() {
    return db.sql("SHOW server_version")
        .map(row -> row.get(0, String.class))
        .one()
        .map(
            version ->
                ComponentHealth.up(
                    NAME, Map.of("kind", endpoint.kind().name().toLowerCase(), "version", version)))
        .timeout(TIMEOUT)
        .onErrorResume(e -> Mono.just(ComponentHealth.down(NAME, describe(e))));
  }

  private static String describe(Throwable e) {
    return e instanceof java.util.concurrent.TimeoutException
        ? "no answer within " + TIMEOUT.toSeconds() + " s"
        : "unreachable";
  }
}
