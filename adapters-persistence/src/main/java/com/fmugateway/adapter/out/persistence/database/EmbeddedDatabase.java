package com.fmugateway.adapter.out.persistence.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run by the gateway itself, for a zero-configuration start. Its data
 * directory survives restarts; writes are durable (fsync and synchronous_commit on, unlike the
 * library's test defaults); it stops cleanly with the application and clears a server orphaned by a
 * killed gateway before starting.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres server;
  private final Path dataDir;

  private EmbeddedDatabase(EmbeddedPostgres server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  public static EmbeddedDatabase start(Path dataDir, int port) {
    return start(dataDir, port, false);
  }

  /** A server on any free port whose data folder is deleted when it stops: for tests. */
  public static EmbeddedDatabase startDisposable(Path dataDir) {
    return start(dataDir, 0, true);
  }

  private static EmbeddedDatabase start(Path dataDir, int port, boolean disposable) {
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      StaleServer.stopIfOrphaned(dir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(disposable)
              .setPGStartupWait(STARTUP_WAIT)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "200")
              .setServerConfig("listen_addresses", "localhost");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dir);
      log.info("Embedded PostgreSQL started on port {} with data in {}", database.port(), dir);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir, e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public DatabaseEndpoint endpoint() {
    return new DatabaseEndpoint(
        DatabaseEndpoint.Kind.EMBEDDED, "localhost", port(), "postgres", "postgres", "");
  }

  @Override
  public void close() {
    try {
      server.close();
      log.info("Embedded PostgreSQL in {} stopped", dataDir);
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", dataDir, e.getMessage());
    }
  }
}
