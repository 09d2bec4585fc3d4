package com.fmugateway.adapter.out.persistence.database;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server this gateway uses, chosen once at start-up: the configured one, or an
 * embedded one it owns (and stops on {@link #close()}). The schema is migrated before any query.
 */
public final class DatabaseServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

  private final DatabaseEndpoint endpoint;
  private final Optional<EmbeddedDatabase> embedded;

  private DatabaseServer(DatabaseEndpoint endpoint, Optional<EmbeddedDatabase> embedded) {
    this.endpoint = endpoint;
    this.embedded = embedded;
  }

  public static DatabaseServer start(DatabaseProperties properties) {
    DatabaseServer server =
        properties
            .url()
            .filter(url -> !url.isBlank())
            .map(
                url ->
                    new DatabaseServer(
                        DatabaseUrl.parse(url, properties.username(), properties.password()),
                        Optional.empty()))
            .orElseGet(
                () -> {
                  EmbeddedDatabase db =
                      EmbeddedDatabase.start(
                          properties.embedded().dataDir(), properties.embedded().port());
                  return new DatabaseServer(db.endpoint(), Optional.of(db));
                });
    log.info("Using {}", server.endpoint.describe());
    try {
      SchemaMigrations.apply(server.endpoint);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public DatabaseEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
